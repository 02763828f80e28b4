import { createHash, createHmac, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hmacSha256, sha256 } from './hmac-sha256.js'

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const text = (value: string) => new TextEncoder().encode(value)

describe('sha256 / hmacSha256 (our own, for synchronous edge-safe webhook checks)', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(hex(sha256(text('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(hex(sha256(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
  })

  it("matches Node's crypto at every length around the block and padding edges", () => {
    for (let length = 0; length <= 200; length++) {
      const message = randomBytes(length)
      expect(hex(sha256(message))).toBe(createHash('sha256').update(message).digest('hex'))
    }
  })

  it("matches Node's HMAC for short, block-sized and longer-than-a-block keys", () => {
    for (const keyLength of [0, 1, 24, 32, 63, 64, 65, 200]) {
      const key = randomBytes(keyLength)
      const message = randomBytes(keyLength * 3 + 7)
      expect(hex(hmacSha256(key, message))).toBe(
        createHmac('sha256', key).update(message).digest('hex'),
      )
    }
  })

  it('handles a multi-megabyte body', () => {
    const message = randomBytes(3 * 1024 * 1024 + 5)
    const key = randomBytes(32)
    expect(hex(hmacSha256(key, message))).toBe(
      createHmac('sha256', key).update(message).digest('hex'),
    )
  })
})
