// HMAC-SHA256 (RFC 2104 over FIPS 180-4 SHA-256) in plain, synchronous JavaScript: verifyWebhook
// must stay synchronous and edge-safe, and WebCrypto is async. Our own ES module, so the main
// entry stays one file a bundler can tree-shake (a bundled CommonJS library could not be).

const BLOCK_BYTES = 64
type Words8 = [number, number, number, number, number, number, number, number]

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes, and of
// the square roots of the first 8; computed on first use (nothing runs at import, and a bundler
// can drop all of this when no webhook is verified) instead of shipping 72 literal words.
let tables: { rounds: Uint32Array; initial: Uint32Array } | undefined

function sha256Tables(): { rounds: Uint32Array; initial: Uint32Array } {
  if (tables) return tables
  const rounds = new Uint32Array(64)
  const initial = new Uint32Array(8)
  let found = 0
  for (let candidate = 2; found < 64; candidate++) {
    let prime = true
    for (let divisor = 2; divisor * divisor <= candidate; divisor++) {
      if (candidate % divisor === 0) prime = false
    }
    if (!prime) continue
    const fraction = (root: number) => ((root - Math.floor(root)) * 2 ** 32) >>> 0
    if (found < 8) initial[found] = fraction(Math.sqrt(candidate))
    rounds[found++] = fraction(Math.cbrt(candidate))
  }
  tables = { rounds, initial }
  return tables
}

const rotate = (word: number, bits: number) => (word >>> bits) | (word << (32 - bits))

/** Runs the compression function over every 64-byte block of `padded` into `state`. */
function compress(state: Uint32Array, padded: Uint8Array): void {
  const constants = sha256Tables().rounds
  const schedule = new Uint32Array(64)
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength)
  for (let offset = 0; offset < padded.length; offset += BLOCK_BYTES) {
    for (let t = 0; t < 16; t++) schedule[t] = view.getUint32(offset + t * 4)
    for (let t = 16; t < 64; t++) {
      const w15 = schedule[t - 15] as number
      const w2 = schedule[t - 2] as number
      const s0 = rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 >>> 3)
      const s1 = rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 >>> 10)
      schedule[t] = (schedule[t - 16] as number) + s0 + (schedule[t - 7] as number) + s1
    }
    let [a, b, c, d, e, f, g, h] = state as unknown as Words8
    for (let t = 0; t < 64; t++) {
      const choose = (e & f) ^ (~e & g)
      const t1 =
        (h +
          (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) +
          choose +
          (constants[t] as number) +
          (schedule[t] as number)) |
        0
      const majority = (a & b) ^ (a & c) ^ (b & c)
      const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + majority) | 0
      h = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    const rounds = [a, b, c, d, e, f, g, h]
    for (let index = 0; index < 8; index++)
      state[index] = (state[index] as number) + (rounds[index] as number)
  }
}

/** SHA-256 of `message`: 32 bytes. */
export function sha256(message: Uint8Array): Uint8Array {
  // The message, a 1 bit, zeros, then its length in bits as a 64-bit big-endian number.
  const paddedLength = Math.ceil((message.length + 9) / BLOCK_BYTES) * BLOCK_BYTES
  const padded = new Uint8Array(paddedLength)
  padded.set(message)
  padded[message.length] = 0x80
  const view = new DataView(padded.buffer)
  const bits = message.length * 8
  view.setUint32(paddedLength - 8, Math.floor(bits / 2 ** 32))
  view.setUint32(paddedLength - 4, bits >>> 0)
  const state = sha256Tables().initial.slice()
  compress(state, padded)
  const digest = new Uint8Array(32)
  const out = new DataView(digest.buffer)
  for (let index = 0; index < 8; index++) out.setUint32(index * 4, state[index] as number)
  return digest
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length)
  joined.set(first)
  joined.set(second, first.length)
  return joined
}

/** HMAC-SHA256 of `message` under `key`: 32 bytes. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(BLOCK_BYTES)
  block.set(key.length > BLOCK_BYTES ? sha256(key) : key)
  const inner = block.map((byte) => byte ^ 0x36)
  const outer = block.map((byte) => byte ^ 0x5c)
  return sha256(concat(outer, sha256(concat(inner, message))))
}
