import { describe, expect, it } from 'vitest'
import { EmulatorError } from '../errors.js'
import { createEmulator } from '../index.js'
import { demoSeed } from './demo.js'
import { parseSeed } from './format.js'

describe('seed format', () => {
  it('accepts the demo seed and fills defaults', () => {
    const seed = parseSeed(demoSeed)
    expect(seed.currency).toBe('USD')
    expect(seed.products[0]?.active).toBe(true)
  })

  it('rejects bad shapes with zod-like issues', () => {
    try {
      parseSeed({ name: '', products: [] })
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(EmulatorError)
      const issues = (err as EmulatorError).body
      expect(Array.isArray(issues)).toBe(true)
      expect(JSON.stringify(issues)).toMatch(/"name"/)
    }
  })

  it('rejects broken cross-references', () => {
    const bad = {
      name: 'Bad',
      usageMeters: [{ slug: 'm', name: 'M' }],
      features: [
        {
          type: 'usage_credit_grant',
          slug: 'g',
          name: 'G',
          amount: 1,
          usageMeterSlug: 'nope',
          renewalFrequency: 'once',
        },
      ],
      products: [
        {
          slug: 'p',
          name: 'P',
          features: ['missing'],
          prices: [{ type: 'subscription', slug: 'm_no_charge', unitPrice: 1 }],
        },
      ],
    }
    expect(() => parseSeed(bad)).toThrow(/unknown usage meter nope/)
    expect(() => parseSeed(bad)).toThrow(/unknown feature missing/)
    expect(() => parseSeed(bad)).toThrow(/duplicate price slug m_no_charge/)
  })

  it('createEmulator throws on an invalid seed', () => {
    expect(() => createEmulator({ seed: { name: 'x', products: [] } })).toThrow(EmulatorError)
  })
})
