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
})
