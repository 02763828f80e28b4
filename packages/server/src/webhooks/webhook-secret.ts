import { WebhookVerificationError } from './webhook-verification-error.js'

export const SECRET_PREFIX = 'whsec_'
const STRICT_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/**
 * Checks a `whsec_<base64>` signing secret the way upstream does: the prefix, then strict,
 * canonical base64 (decoding and re-encoding gives the same text) with a non-empty key.
 */
export function assertSigningSecret(secret: string): void {
  if (typeof secret !== 'string' || !secret.startsWith(SECRET_PREFIX)) {
    throw new WebhookVerificationError(
      `Invalid webhook secret: it must start with ${SECRET_PREFIX}`,
      'invalid_secret',
    )
  }
  const encoded = secret.slice(SECRET_PREFIX.length)
  let canonical = false
  try {
    canonical = STRICT_BASE64.test(encoded) && btoa(atob(encoded)) === encoded
  } catch {
    canonical = false
  }
  if (!canonical) {
    throw new WebhookVerificationError(
      `Invalid webhook secret: the part after ${SECRET_PREFIX} must be a non-empty base64 key`,
      'invalid_secret',
    )
  }
}
