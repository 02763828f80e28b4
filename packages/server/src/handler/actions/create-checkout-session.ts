import type { ActionHandler } from '../types.js'

/** `checkout-sessions/create`: a product checkout for the asking customer. */
export const createCheckoutSession: ActionHandler<'checkout-sessions/create'> = (
  input,
  { flowglad },
) => flowglad.createCheckoutSession(input)
