import { describe, expect, it } from 'vitest'
import { resourceSeed } from '../../test/resource-seed.js'
import { createEmulator } from '../index.js'
import { parseSeed } from './format.js'

describe('seed format: resources', () => {
  it('loads resources[] and resource features (resourceSlug resolved to resourceId)', () => {
    const emulator = createEmulator({ seed: resourceSeed })
    const resources = [...emulator.state.tables.resources.values()]
    expect(resources.map((r) => [r.slug, r.active])).toEqual([
      ['seats', true],
      ['projects', true],
      ['archived_thing', false],
    ])
    const seats = resources[0]
    const feature = [...emulator.state.tables.features.values()].find(
      (f) => f.slug === 'team_seats',
    )
    expect(feature).toMatchObject({
      type: 'resource',
      amount: 5,
      resourceId: seats?.id,
      usageMeterId: null,
      renewalFrequency: null,
      pricingModelId: emulator.state.defaultPricingModelId,
    })
  })

  it('rejects unknown resource slugs, duplicates and bad amounts', () => {
    const bad = {
      name: 'Bad',
      resources: [
        { slug: 'seats', name: 'Seats' },
        { slug: 'seats', name: 'Again' },
      ],
      features: [{ type: 'resource', slug: 'f', name: 'F', amount: 2, resourceSlug: 'nope' }],
      products: [
        { slug: 'p', name: 'P', prices: [{ type: 'subscription', slug: 'p', unitPrice: 0 }] },
      ],
    }
    expect(() => parseSeed(bad)).toThrow(/unknown resource nope/)
    expect(() => parseSeed(bad)).toThrow(/duplicate resource slug seats/)
    const zero = {
      ...bad,
      resources: [{ slug: 'seats', name: 'Seats' }],
      features: [{ type: 'resource', slug: 'f', name: 'F', amount: 0, resourceSlug: 'seats' }],
    }
    expect(() => parseSeed(zero)).toThrow(/amount/)
  })
})
