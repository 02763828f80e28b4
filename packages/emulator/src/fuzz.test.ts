import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { newCustomer, setup } from '../test/helpers.js'

const ROUTES: [string, string][] = [
  ['POST', '/customers'],
  ['PUT', '/customers/fuzz'],
  ['GET', '/customers/fuzz/usage-balances?subscriptionId=x'],
  ['POST', '/subscriptions'],
  ['POST', '/subscriptions/SUB/cancel'],
  ['POST', '/subscriptions/SUB/uncancel'],
  ['POST', '/usage-events'],
  ['POST', '/usage-events/bulk'],
  ['POST', '/usage-meters'],
  ['PUT', '/usage-meters/METER'],
  ['POST', '/prices'],
  ['POST', '/products'],
  ['POST', '/checkout-sessions'],
  ['GET', '/prices?limit=LIMIT'],
]

const leaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    'SUB',
    'ai_tokens',
    'active_users',
    'pro_monthly',
    'free',
    'fuzz',
    '',
    'usage',
    'subscription',
  ),
)
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    tie('object'),
  ),
  object: fc.dictionary(
    fc.constantFrom(
      'customer',
      'usageEvent',
      'usageEvents',
      'usageMeter',
      'price',
      'product',
      'checkoutSession',
      'cancellation',
      'subscriptionId',
      'amount',
      'transactionId',
      'usageMeterSlug',
      'priceSlug',
      'priceId',
      'properties',
      'usageDate',
      'externalId',
      'email',
      'name',
      'slug',
      'type',
      'timing',
      'customerExternalId',
      'isDefault',
      'unitPrice',
    ),
    tie('value'),
    { maxKeys: 6 },
  ),
}))

describe('fuzz: bad input never gets a 500', () => {
  it('random bodies on every write route answer 2xx or 4xx', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'fuzz')
    const meterId = (await api.get('/usage-meters')).body.data[0].id
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.oneof(
          json.value,
          fc.string().map((s) => ({ raw: s })),
        ),
        fc.oneof(fc.string(), fc.integer().map(String)),
        async ([method, template], body, limit) => {
          const path = template
            .replace('SUB', subscriptionId)
            .replace('METER', meterId)
            .replace('LIMIT', encodeURIComponent(limit))
          const isRaw =
            body !== null &&
            typeof body === 'object' &&
            'raw' in body &&
            Object.keys(body).length === 1
          const raw = isRaw ? String((body as { raw: unknown }).raw) : JSON.stringify(body)
          const res = await api.call(method, path, undefined, method === 'GET' ? undefined : raw)
          expect(res.status, `${method} ${path} ${raw} → ${res.text}`).toBeLessThan(500)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('structured near-valid usage events never get a 500', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'fuzz2')
    const event = fc.record(
      {
        subscriptionId: fc.oneof(fc.constant(subscriptionId), fc.string()),
        amount: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double()),
        transactionId: fc.string({ maxLength: 3 }),
        usageMeterSlug: fc.constantFrom('ai_tokens', 'active_users', 'api_calls', 'x'),
        priceSlug: fc.constantFrom('ai_tokens', 'pro_monthly', 'free', 'y'),
        properties: fc.oneof(
          fc.constant(null),
          fc.dictionary(fc.string({ maxLength: 2 }), leaf, { maxKeys: 2 }),
        ),
        usageDate: fc.oneof(fc.integer(), fc.string()),
      },
      { requiredKeys: ['amount', 'transactionId'] },
    )
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 4 }), async (events) => {
        const bulk = await api.post('/usage-events/bulk', { usageEvents: events })
        expect(bulk.status, bulk.text).toBeLessThan(500)
        const single = await api.post('/usage-events', { usageEvent: events[0] })
        expect(single.status, single.text).toBeLessThan(500)
      }),
      { numRuns: 300 },
    )
  })
})
