import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KEY, newCustomer, setup } from '../test/helpers.js'

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

  it('deep, large, wide and BigInt-like properties: 200 or 400, and everything still answers', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'fuzz3')
    // Written as JSON text: the client's own JSON.stringify could not write 6,000 levels.
    const properties = fc
      .record({
        depth: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 41, max: 6_000 })),
        width: fc.integer({ min: 0, max: 40 }),
        number: fc.constantFrom('1', '1e400', '-1e400', '123456789012345678901234567890', '0.5'),
        blobBytes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40_000 })),
      })
      .map(({ depth, width, number, blobBytes }) => {
        const keys = Array.from({ length: width }, (_, i) => `"k${i}":${number}`)
        if (blobBytes > 0) keys.push(`"blob":"${'é'.repeat(blobBytes >> 1)}"`)
        if (depth > 0) keys.push(`"deep":${'['.repeat(depth)}${number}${']'.repeat(depth)}`)
        return `{${keys.join(',')}}`
      })
    let n = 0
    await fc.assert(
      fc.asyncProperty(
        properties,
        fc.constantFrom('ai_tokens', 'active_users'),
        async (text, meter) => {
          const event = `{"subscriptionId":"${subscriptionId}","amount":1,"transactionId":"f${n++}","usageMeterSlug":"${meter}","properties":${text}}`
          const single = await api.call(
            'POST',
            '/usage-events',
            undefined,
            `{"usageEvent":${event}}`,
          )
          expect([200, 400], single.text.slice(0, 300)).toContain(single.status)
          const bulk = await api.call(
            'POST',
            '/usage-events/bulk',
            undefined,
            `{"usageEvents":[${event}]}`,
          )
          expect([200, 400], bulk.text.slice(0, 300)).toContain(bulk.status)
        },
      ),
      { numRuns: 60 },
    )
    const dashboard = await emulator.fetch(
      new Request('http://emulator.local/', {
        headers: { authorization: KEY },
      }),
    )
    expect(dashboard.status).toBe(200)
    const state = JSON.parse(await new Response(emulator.exportStateStream()).text())
    expect(state.tables.usageEvents.length).toBe(emulator.state.tables.usageEvents.size)
  })
})
