// 64 url-safe symbols: masking a random byte with 63 picks each one with equal probability.
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** A 21-character url-safe random id (nanoid's format) from Web Crypto: no dependency. */
export function createTransactionId(): string {
  let id = ''
  for (const byte of crypto.getRandomValues(new Uint8Array(21))) id += alphabet[byte & 63]
  return id
}
