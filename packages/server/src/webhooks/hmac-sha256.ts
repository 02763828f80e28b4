// HMAC-SHA256 (RFC 2104 over FIPS 180-4 SHA-256) in plain, synchronous JavaScript: verifyWebhook
// must stay synchronous and edge-safe, and WebCrypto is async. Our own ES module, so the main
// entry stays one file a bundler can tree-shake (a bundled CommonJS library could not be).

const BLOCK_BYTES = 64
type Words8 = [number, number, number, number, number, number, number, number]

// FIPS 180-4's constants: the first 32 bits of the fractional parts of the cube roots of the
// first 64 primes (rounds) and of the square roots of the first 8 (initial state). Written out
// rather than computed, so no engine's Math.cbrt rounding can change them.
const ROUND_CONSTANTS = /* @__PURE__ */ new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])
const INITIAL_STATE = /* @__PURE__ */ new Uint32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
])

const rotate = (word: number, bits: number) => (word >>> bits) | (word << (32 - bits))

/** Runs the compression function over every 64-byte block of `padded` into `state`. */
function compress(state: Uint32Array, padded: Uint8Array): void {
  const constants = ROUND_CONSTANTS
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
  const state = INITIAL_STATE.slice()
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
