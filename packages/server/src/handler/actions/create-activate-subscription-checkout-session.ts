import type { ActionHandler } from '../types.js'

/** `checkout-sessions/create-activate-subscription`: the SDK checks the target is the customer's. */
export const createActivateSubscriptionCheckoutSession: ActionHandler<
  'checkout-sessions/create-activate-subscription'
> = (input, { flowglad }) => flowglad.createActivateSubscriptionCheckoutSession(input)
