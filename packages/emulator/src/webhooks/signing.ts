/** A fresh signing secret: `whsec_` + base64 of 24 random bytes (Svix's format). */
export function newSigningSecret(): string {
  const key = crypto.getRandomValues(new Uint8Array(24))
  return `whsec_${btoa(String.fromCharCode(...key))}`
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  const raw = Uint8Array.from(atob(secret.slice('whsec_'.length)), (char) => char.charCodeAt(0))
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
}

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, the Svix / Standard Webhooks signature. */
export async function signDelivery(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): Promise<string> {
  const signed = new TextEncoder().encode(`${id}.${timestampSeconds}.${body}`)
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), signed))
  return `v1,${btoa(String.fromCharCode(...mac))}`
}
