import { urlAlphabet } from 'nanoid/url-alphabet'
import { describe, expect, it } from 'vitest'
import { generateTransactionId } from './transaction-id.js'

describe('generateTransactionId', () => {
  it('is 21 characters of the nanoid URL alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const id = generateTransactionId()
      expect(id).toHaveLength(21)
      for (const char of id) expect(urlAlphabet).toContain(char)
    }
  })

  it('does not repeat and uses the whole alphabet', () => {
    const ids = Array.from({ length: 2000 }, () => generateTransactionId())
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(ids.join('')).size).toBe(64)
  })
})
