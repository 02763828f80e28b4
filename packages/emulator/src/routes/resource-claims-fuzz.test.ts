import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { setup } from '../../test/helpers.js'
import { resourceSeed, seatCustomer } from '../../test/resource-seed.js'

const value = fc.oneof(
  fc.integer({ min: -2, max: 8 }),
  fc.double(),
  fc.string({ maxLength: 4 }),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.constantFrom('u1', 'u2', 'u3', '', 'x'.repeat(256)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string(), fc.integer(), fc.object())),
)
const body = fc.record(
  {
    resourceSlug: fc.constantFrom('seats', 'projects', 'archived_thing', 'nope', '', 7),
    quantity: value,
    externalId: fc.oneof(fc.constantFrom('u1', 'u2', 'u4'), value),
    externalIds: value,
    claimIds: value,
    metadata: value,
  },
  { requiredKeys: [] },
)
const query = fc.constantFrom(
  'usage?resourceSlug=seats',
  'usage?resourceId=x',
  'usage',
  'usages',
  'usages?resourceSlugs=seats,projects',
  'usages?resourceSlugs=',
  'claims?resourceSlug=seats',
  'claims?resourceSlug=seats&resourceSlug=projects',
)

describe('fuzz: resource claims', () => {
  it('near-valid claims and releases answer 2xx or 4xx and never exceed capacity', async () => {
    const { api } = setup({ seed: resourceSeed })
    const sub = await seatCustomer(api, 'fuzz_seats')
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('claim', 'release'), body, query, async (op, b, q) => {
        const res = await api.post(`/resource-claims/${sub}/${op}`, b)
        expect(res.status, `${op} ${JSON.stringify(b)} → ${res.text}`).toBeLessThan(500)
        const read = await api.get(`/resource-claims/${sub}/${q}`)
        expect(read.status, `${q} → ${read.text}`).toBeLessThan(500)
        const usage = await api.get(`/resource-claims/${sub}/usage?resourceSlug=seats`)
        expect(usage.body.usage.claimed).toBeLessThanOrEqual(usage.body.usage.capacity)
      }),
      { numRuns: 200 },
    )
  })
})
