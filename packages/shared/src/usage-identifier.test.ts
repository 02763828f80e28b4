import { describe, expect, it } from 'vitest'
import { checkUsageEventIdentifier, usageEventIdentifierMessage } from './usage-identifier.js'

describe('checkUsageEventIdentifier (zod-free)', () => {
  it('accepts exactly one non-empty identifier', () => {
    expect(checkUsageEventIdentifier({ usageMeterSlug: 'ai_tokens', amount: 3 })).toBeNull()
  })

  it('rejects none, several, empty or non-string', () => {
    expect(checkUsageEventIdentifier({})).toBe(usageEventIdentifierMessage)
    expect(checkUsageEventIdentifier({ priceId: 'a', priceSlug: 'b' })).toBe(
      usageEventIdentifierMessage,
    )
    expect(checkUsageEventIdentifier({ priceId: '' })).toBe('priceId must be a non-empty string')
    expect(checkUsageEventIdentifier({ usageMeterId: 5 })).toBe(
      'usageMeterId must be a non-empty string',
    )
    expect(checkUsageEventIdentifier(null)).toBe(usageEventIdentifierMessage)
  })
})
