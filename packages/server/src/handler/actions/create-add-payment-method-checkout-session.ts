import { assertOwnRedirectUrls } from '../redirect-urls.js'
import type { ActionHandler } from '../types.js'

/** `checkout-sessions/create-add-payment-method`: the SDK checks an optional target's owner. */
export const createAddPaymentMethodCheckoutSession: ActionHandler<
  'checkout-sessions/create-add-payment-method'
> = (input, { flowglad, request, allowedOrigins }) => {
  assertOwnRedirectUrls(input, request, allowedOrigins)
  return flowglad.createAddPaymentMethodCheckoutSession(input)
}
