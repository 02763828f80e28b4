import { urlAlphabet } from 'nanoid/url-alphabet'

/**
 * A nanoid (21 characters of nanoid's URL alphabet) from Web Crypto. nanoid's default entry
 * imports Node's `crypto` under the node condition; this keeps the handlers edge-safe.
 */
export function generateTransactionId(size = 21): string {
  const bytes = crypto.getRandomValues(new Uint8Array(size))
  let id = ''
  // 64 symbols: masking a byte with 63 keeps the distribution uniform.
  for (const byte of bytes) id += urlAlphabet[byte & 63]
  return id
}
