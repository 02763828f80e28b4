import { bytesEqual, decodeBase64 } from './constant-time.js'
import type { FlowgladWebhookEvent } from './events.js'
import { hmacSha256 } from './hmac-sha256.js'
import { readSignatureHeaders, type WebhookHeaders } from './webhook-headers.js'
import { assertSigningSecret, SECRET_PREFIX } from './webhook-secret.js'
import { WebhookVerificationError } from './webhook-verification-error.js'

export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300
/** How far ahead of our clock a sender's timestamp may be (clock skew), as upstream. */
export const MAX_WEBHOOK_FUTURE_SECONDS = 60
// Beyond this many seconds a timestamp is no valid Date, so it cannot have been signed honestly.
const LATEST_REPRESENTABLE_SECONDS = 8_640_000_000_000

/** The raw request body: exactly the bytes that were signed, never a re-serialised object. */
export type WebhookPayload = string | Uint8Array | ArrayBuffer

function payloadText(payload: WebhookPayload): string {
  if (typeof payload === 'string') return payload
  return new TextDecoder().decode(payload)
}

/** Parses the timestamp header and, unless `tolerance` is null, checks it against our clock. */
function checkTimestamp(raw: string, tolerance: number | null): number {
  const sentAt = /^\d+$/.test(raw) ? Number(raw) : Number.NaN
  if (!(sentAt <= LATEST_REPRESENTABLE_SECONDS)) {
    throw new WebhookVerificationError(
      `Invalid webhook timestamp: expected whole seconds since the epoch, got ${JSON.stringify(raw)}`,
      'invalid_timestamp',
    )
  }
  if (tolerance === null) return sentAt
  const now = Math.floor(Date.now() / 1000)
  const age = now - sentAt
  if (age > tolerance) {
    throw new WebhookVerificationError(
      `Webhook timestamp too old: sent ${age}s ago, tolerance is ${tolerance}s`,
      'timestamp_too_old',
    )
  }
  if (-age > MAX_WEBHOOK_FUTURE_SECONDS) {
    throw new WebhookVerificationError(
      `Webhook timestamp too far in the future: ${-age}s ahead, at most ${MAX_WEBHOOK_FUTURE_SECONDS}s allowed (clock skew?)`,
      'timestamp_too_new',
    )
  }
  return sentAt
}

/** True when any `v1,<base64>` entry of the space-separated signature header matches. */
function anySignatureMatches(header: string, expected: Uint8Array): boolean {
  let matched = false
  for (const entry of header.trim().split(/\s+/)) {
    const comma = entry.indexOf(',')
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue
    const given = decodeBase64(entry.slice(comma + 1))
    // No early exit: every entry costs the same, whichever one matches.
    if (given && given.length > 0 && bytesEqual(given, expected)) matched = true
  }
  return matched
}

function normaliseTolerance(tolerance: number | null | undefined): number | null {
  if (tolerance === undefined) return DEFAULT_WEBHOOK_TOLERANCE_SECONDS
  if (tolerance === null) return null
  if (typeof tolerance !== 'number' || Number.isNaN(tolerance) || tolerance < 0) {
    throw new RangeError(
      `verifyWebhook tolerance must be a number of seconds ≥ 0 or null, got ${tolerance}`,
    )
  }
  return tolerance
}

/**
 * Verifies a Flowglad (Svix-style) webhook and returns its parsed JSON body. Synchronous and
 * edge-safe. The signature is HMAC-SHA256 over `${id}.${timestamp}.${body}` with the key in
 * `whsec_<base64>` (our own synchronous HMAC-SHA256, checked against Node's and standardwebhooks').
 *
 * @param payload the raw body, exactly as received
 * @param headers `svix-id`/`svix-timestamp`/`svix-signature` (or `webhook-*`), any case
 * @param secret the endpoint's signing secret, `whsec_...`
 * @param tolerance max age in seconds (default 300); `null` skips the time check
 * @throws WebhookVerificationError for every refusal
 */
export function verifyWebhook<Event = FlowgladWebhookEvent>(
  payload: WebhookPayload,
  headers: WebhookHeaders,
  secret: string,
  tolerance?: number | null,
): Event {
  const maxAge = normaliseTolerance(tolerance)
  const { id, timestamp, signature } = readSignatureHeaders(headers)
  const sentAt = checkTimestamp(timestamp, maxAge)
  assertSigningSecret(secret)
  const body = payloadText(payload)
  const key = decodeBase64(secret.slice(SECRET_PREFIX.length)) ?? new Uint8Array()
  const expected = hmacSha256(key, new TextEncoder().encode(`${id}.${sentAt}.${body}`))
  if (!anySignatureMatches(signature, expected)) {
    throw new WebhookVerificationError(
      'Invalid webhook signature: no v1 signature in the header matches this body and secret',
      'invalid_signature',
    )
  }
  try {
    return JSON.parse(body) as Event
  } catch (error) {
    throw new WebhookVerificationError(
      `Invalid webhook body: signed correctly but not JSON (${(error as Error).message})`,
      'invalid_payload',
    )
  }
}
