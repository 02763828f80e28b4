import { FlowgladError } from '@flowglad/shared/core'
import { isOwnOrAllowedOrigin, parseUrl } from './csrf-guard.js'

export interface RedirectUrls {
  successUrl: string
  cancelUrl: string
}

/**
 * Checkout sends the customer back to these URLs, so the browser may only name pages of this
 * app: http(s) on the request's own host or on one of `allowedOrigins`. Anything else (another
 * site, `javascript:`, `data:`) is `validation_error` before any API call.
 */
export function assertOwnRedirectUrls(
  urls: RedirectUrls,
  request: Request | undefined,
  allowedOrigins: readonly string[] | undefined,
): void {
  for (const field of ['successUrl', 'cancelUrl'] as const) {
    const url = parseUrl(urls[field])
    const allowed =
      url !== null &&
      /^https?:$/.test(url.protocol) &&
      // Without a request the app's origin is unknown: only allowedOrigins, when given, narrow it.
      ((request === undefined && allowedOrigins === undefined) ||
        isOwnOrAllowedOrigin(url, request, allowedOrigins))
    if (!allowed) {
      throw new FlowgladError(
        'validation_error',
        `${field} must be an http(s) URL on this app's origin or one of allowedOrigins`,
        {
          details: [
            { code: 'custom', path: [field], message: `${field} is not on an allowed origin` },
          ],
        },
      )
    }
  }
}
