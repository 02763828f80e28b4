const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const ALPHABET_CODES = Array.from(ALPHABET, (char) => char.charCodeAt(0))

// Web Crypto calls are comparatively slow, so random bytes are drawn in blocks.
const POOL_SIZE = 16_384
const pool = new Uint8Array(POOL_SIZE)
let offset = POOL_SIZE

function nextByte(): number {
  if (offset === POOL_SIZE) {
    crypto.getRandomValues(pool)
    offset = 0
  }
  return pool[offset++] as number
}

/** Random `[0-9A-Za-z]` string of the given length, drawn from Web Crypto. */
export function randomString(length: number): string {
  // Char codes first, one string at the end: `+=` per character would leave a chain of
  // rope nodes per id, which costs memory and GC time when millions of ids are kept.
  const codes = new Array<number>(length)
  let filled = 0
  while (filled < length) {
    const byte = nextByte()
    // 248 = 62 * 4: reject the tail so every character is equally likely.
    if (byte < 248) codes[filled++] = ALPHABET_CODES[byte % 62] as number
  }
  return String.fromCharCode(...codes)
}

/** A Flowglad-style id: `<prefix>_` followed by 21 characters. */
export function newId(prefix: string): string {
  return `${prefix}_${randomString(21)}`
}

/** The 8-character value sent back as `X-Request-Id`. */
export function newRequestId(): string {
  return randomString(8)
}
