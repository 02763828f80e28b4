import { WebhookVerificationError } from './webhook-verification-error.js'

/** A plain header object (Node's IncomingHttpHeaders included) or a Fetch `Headers`. */
export type WebhookHeaders =
  | Record<string, string | string[] | undefined>
  | { get(name: string): string | null }

export interface SignatureHeaders {
  id: string
  timestamp: string
  signature: string
}

function isHeadersLike(headers: WebhookHeaders): headers is { get(name: string): string | null } {
  return typeof (headers as { get?: unknown }).get === 'function'
}

/** One header, case-insensitively; for a repeated header (an array) the first value. */
function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (isHeadersLike(headers)) return headers.get(name) || undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue
    const first = Array.isArray(value) ? value[0] : value
    return first || undefined
  }
  return undefined
}

/**
 * The id, timestamp and signature headers: Svix's `svix-*` names (what Flowglad sends), or the
 * Standard Webhooks `webhook-*` names when no `svix-id` is present.
 */
export function readSignatureHeaders(headers: WebhookHeaders): SignatureHeaders {
  const prefix =
    readHeader(headers, 'svix-id') === undefined && readHeader(headers, 'webhook-id') !== undefined
      ? 'webhook'
      : 'svix'
  const required = (suffix: string) => {
    const name = `${prefix}-${suffix}`
    const value = readHeader(headers, name)
    if (value === undefined) {
      throw new WebhookVerificationError(`Missing required header: ${name}`, 'missing_header')
    }
    return value
  }
  return { id: required('id'), timestamp: required('timestamp'), signature: required('signature') }
}
