import { assertOwnRedirectUrls } from '../redirect-urls.js'
import type { ActionHandler } from '../types.js'

/** `checkout-sessions/create`: a product checkout for the asking customer, back to this app. */
export const createCheckoutSession: ActionHandler<'checkout-sessions/create'> = (
  input,
  { flowglad, request, allowedOrigins },
) => {
  assertOwnRedirectUrls(input, request, allowedOrigins)
  return flowglad.createCheckoutSession(input)
}
