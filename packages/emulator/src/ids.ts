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

/** Appends `count` random `[0-9A-Za-z]` char codes to `codes` from position `from`. */
function fillRandom(codes: number[], from: number, count: number): void {
  let filled = from
  const end = from + count
  while (filled < end) {
    const byte = nextByte()
    // 248 = 62 * 4: reject the tail so every character is equally likely.
    if (byte < 248) codes[filled++] = ALPHABET_CODES[byte % 62] as number
  }
}

/** Random `[0-9A-Za-z]` string of the given length, drawn from Web Crypto. */
export function randomString(length: number): string {
  // Char codes first, one string at the end: `+=` per character would leave a chain of
  // rope nodes per id, which costs memory and GC time when millions of ids are kept.
  const codes = new Array<number>(length)
  fillRandom(codes, 0, length)
  return String.fromCharCode(...codes)
}

const ID_RANDOM_LENGTH = 21
/** Per prefix, a reusable code buffer that already holds `<prefix>_`. */
const idBuffers = new Map<string, number[]>()

/** A Flowglad-style id: `<prefix>_` followed by 21 characters. */
export function newId(prefix: string): string {
  // Built as one flat string (a template literal would make a rope of prefix and suffix per
  // id), reusing a buffer per prefix: long clock moves make several ids per closed period.
  let codes = idBuffers.get(prefix)
  if (codes === undefined) {
    codes = Array.from(`${prefix}_`, (char) => char.charCodeAt(0))
    codes.length += ID_RANDOM_LENGTH
    codes.fill(0, prefix.length + 1)
    idBuffers.set(prefix, codes)
  }
  fillRandom(codes, prefix.length + 1, ID_RANDOM_LENGTH)
  return String.fromCharCode.apply(null, codes)
}

/** The 8-character value sent back as `X-Request-Id`. */
export function newRequestId(): string {
  return randomString(8)
}
