import { describe, expect, it } from 'vitest'
import { newId, newRequestId } from './ids.js'

describe('ids', () => {
  it('are <prefix>_ + 21 characters of [0-9A-Za-z] and do not repeat', () => {
    const ids = new Set<string>()
    for (let i = 0; i < 20_000; i++) {
      const id = newId('usage_event')
      expect(id).toMatch(/^usage_event_[0-9A-Za-z]{21}$/)
      ids.add(id)
    }
    expect(ids.size).toBe(20_000)
    expect(newRequestId()).toMatch(/^[0-9A-Za-z]{8}$/)
  })

  it('keep each prefix when prefixes alternate (each has its own buffer)', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 1_000; i++) {
      for (const prefix of ['inv', 'billing_period', 'inv']) {
        const id = newId(prefix)
        expect(id).toMatch(new RegExp(`^${prefix}_[0-9A-Za-z]{21}$`))
        seen.add(id)
      }
    }
    expect(seen.size).toBe(3_000)
  })
})
