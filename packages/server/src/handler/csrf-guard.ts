import { FlowgladError } from '@flowglad/shared/core'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Actions that only read: upstream `@flowglad/react` POSTs billing with body `{}` and no
 * Content-Type (so fetch labels it `text/plain`). A cross-site "simple" request to them has no
 * effect and its answer is unreadable without CORS, so they skip the JSON content-type rule.
 * They still get the Origin check.
 */
export const readOnlyActionPaths: ReadonlySet<string> = new Set([
  'customers/billing',
  'usage-meters/balances',
])

/**
 * Refuses cross-site requests: an `Origin` header must name the request's own host (or one of
 * `allowedOrigins`), a request without one must not say `Sec-Fetch-Site: cross-site`, and a
 * state-changing request must declare `application/json`, which a plain HTML form cannot send
 * and which forces a CORS preflight for cross-site fetches.
 */
export function assertSameSiteRequest(
  request: Request,
  actionPath: string,
  allowedOrigins: readonly string[] | undefined,
): void {
  const origin = request.headers.get('origin')
  if (origin !== null) {
    const originUrl = parseUrl(origin) // null for the opaque `null` origin too
    if (originUrl === null || !isOwnOrAllowedOrigin(originUrl, request, allowedOrigins)) {
      throw csrfRejected(`Cross-site request refused: origin ${origin}`)
    }
  } else if (request.headers.get('sec-fetch-site')?.trim().toLowerCase() === 'cross-site') {
    // The browser's own verdict, for requests that carry no Origin (allowedOrigins are then
    // unknowable, so cross-site is refused outright).
    throw csrfRejected('Cross-site request refused: Sec-Fetch-Site is cross-site')
  }
  if (safeMethods.has(request.method.toUpperCase())) return
  if (readOnlyActionPaths.has(actionPath)) return
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw csrfRejected('State-changing requests must send Content-Type: application/json')
  }
}

function csrfRejected(message: string): FlowgladError {
  return new FlowgladError('csrf_rejected', message)
}

export function isJsonContentType(header: string | null): boolean {
  const mediaType = header?.split(';', 1)[0]?.trim().toLowerCase()
  return mediaType === 'application/json'
}

/**
 * True when `originUrl` is on the request's own host or on one of `allowedOrigins`. Without a
 * request (an app's own adapter calling `routeToHandlerMap` bare) only `allowedOrigins` count.
 */
export function isOwnOrAllowedOrigin(
  originUrl: URL,
  request: Request | undefined,
  allowedOrigins: readonly string[] | undefined,
): boolean {
  // Hosts only: a TLS-terminating proxy makes the app see http while the browser says https.
  const ownHosts = request
    ? [
        parseUrl(request.url)?.host,
        request.headers.get('host'),
        // Not settable by a cross-site page without a preflight, so safe to trust here.
        request.headers
          .get('x-forwarded-host')
          ?.split(',')[0]
          ?.trim(),
      ]
    : []
  if (ownHosts.some((host) => host && host.toLowerCase() === originUrl.host)) return true
  return (allowedOrigins ?? []).some((allowed) => parseUrl(allowed)?.origin === originUrl.origin)
}

export function parseUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}
