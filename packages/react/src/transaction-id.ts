const alphabet = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict'

/** A 21-character url-safe random id (nanoid's format) from Web Crypto: no dependency. */
export function createTransactionId(): string {
  let id = ''
  for (const byte of crypto.getRandomValues(new Uint8Array(21))) id += alphabet[byte & 63]
  return id
}
