import { assertOwnRedirectUrls } from '../redirect-urls.js'
import type { ActionHandler } from '../types.js'

/** `checkout-sessions/create-activate-subscription`: the SDK checks the target is the customer's. */
export const createActivateSubscriptionCheckoutSession: ActionHandler<
  'checkout-sessions/create-activate-subscription'
> = (input, { flowglad, request, allowedOrigins }) => {
  assertOwnRedirectUrls(input, request, allowedOrigins)
  return flowglad.createActivateSubscriptionCheckoutSession(input)
}
