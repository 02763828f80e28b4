import { createHmac, randomBytes } from 'node:crypto'

/** A fresh `whsec_<base64>` secret. */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`
}

/** Signs with Node's own HMAC (independent of the code under test): `v1,<base64>`. */
export function nodeSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64')
  const digest = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')
  return `v1,${digest}`
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000)

/** Svix headers for `body`, signed now (or `offsetSeconds` from now). */
export function signedHeaders(
  secret: string,
  body: string,
  offsetSeconds = 0,
): Record<string, string> {
  const id = `msg_${randomBytes(6).toString('hex')}`
  const timestamp = String(nowSeconds() + offsetSeconds)
  return {
    'svix-id': id,
    'svix-timestamp': timestamp,
    'svix-signature': nodeSignature(secret, id, timestamp, body),
  }
}
