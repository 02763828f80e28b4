import { describe, expect, it } from 'vitest'
import { createTransactionId } from './transaction-id.js'

describe('createTransactionId', () => {
  it('is 21 url-safe characters, different every time', () => {
    const ids = Array.from({ length: 200 }, createTransactionId)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('draws on all 64 symbols (no symbol lost to a short alphabet)', () => {
    const seen = new Set(Array.from({ length: 400 }, createTransactionId).join(''))
    expect(seen.size).toBe(64)
  })
})
