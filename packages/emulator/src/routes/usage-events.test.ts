import { describe, expect, it } from 'vitest'
import { type Client, newCustomer, setup, T0, txn } from '../../test/helpers.js'
import { createPricingModel } from '../domain/catalog.js'
import type { Emulator } from '../emulator.js'

async function catalog(api: Client) {
  const pm = (await api.get('/pricing-models/default')).body.pricingModel
  const meter = (slug: string) => pm.usageMeters.find((m: { slug: string }) => m.slug === slug)
  return { pm, meter }
}

/** A meter (and its prices) in a second pricing model the customer does not belong to. */
async function foreignMeter(emulator: Emulator, api: Client) {
  const other = createPricingModel(emulator.state, emulator.clock.now(), {
    name: 'Other',
    isDefault: false,
  })
  const res = await api.post('/usage-meters', {
    usageMeter: { name: 'Foreign', slug: 'foreign', pricingModelId: other.id },
    price: { unitPrice: 2 },
  })
  expect(res.status).toBe(200)
  const prices = (await api.get('/prices?limit=100')).body.data.filter(
    (p: { usageMeterId: string | null }) => p.usageMeterId === res.body.usageMeter.id,
  )
  return {
    meter: res.body.usageMeter,
    price: prices.find((p: { isDefault: boolean }) => p.isDefault),
  }
}

describe('usage events: identifier resolution', () => {
  it('resolves each of priceId, priceSlug, usageMeterId, usageMeterSlug to meter + price', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'r1')
    const { meter } = await catalog(api)
    const ai = meter('ai_tokens')
    expect(ai.defaultPrice.slug).toBe('ai_tokens')
    const ids = [
      { priceId: ai.defaultPrice.id },
      { priceSlug: 'ai_tokens' },
      { usageMeterId: ai.id },
      { usageMeterSlug: 'ai_tokens' },
    ]
    for (const id of ids) {
      const res = await api.post('/usage-events', {
        usageEvent: { subscriptionId, amount: 3, transactionId: txn(), ...id },
      })
      expect(res.status, JSON.stringify(id)).toBe(200)
      expect(res.body.usageEvent).toMatchObject({
        usageMeterId: ai.id,
        priceId: ai.defaultPrice.id,
      })
    }
    // A non-default price of the meter is kept as given.
    const noCharge = (await api.get('/prices?limit=100')).body.data.find(
      (p: { slug: string }) => p.slug === 'ai_tokens_no_charge',
    )
    const res = await api.post('/usage-events', {
      usageEvent: {
        subscriptionId,
        amount: 3,
        transactionId: txn(),
        priceSlug: 'ai_tokens_no_charge',
      },
    })
    expect(res.body.usageEvent).toMatchObject({ usageMeterId: ai.id, priceId: noCharge.id })
  })

  it('needs exactly one identifier', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'r2')
    for (const ids of [{}, { priceSlug: 'ai_tokens', usageMeterSlug: 'ai_tokens' }]) {
      const res = await api.post('/usage-events', {
        usageEvent: { subscriptionId, amount: 1, transactionId: txn(), ...ids },
      })
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('BAD_REQUEST')
      expect(res.body.error[0]).toMatchObject({
        path: ['usageEvent', 'priceId'],
        message:
          'Exactly one of priceId, priceSlug, usageMeterId, or usageMeterSlug must be provided',
      })
    }
  })

  it('amount must be an integer > 0', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'r3')
    for (const amount of [0, -1, 1.5, '2', null]) {
      const res = await api.post('/usage-events', {
        usageEvent: { subscriptionId, amount, transactionId: txn(), usageMeterSlug: 'ai_tokens' },
      })
      expect(res.status, String(amount)).toBe(400)
      expect(res.body.error[0].path).toEqual(['usageEvent', 'amount'])
    }
  })

  it('a price or meter outside the customer pricing model is 404 (single and bulk)', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'r4')
    const foreign = await foreignMeter(emulator, api)
    const cases = [
      { usageMeterId: foreign.meter.id },
      { usageMeterSlug: 'foreign' },
      { priceId: foreign.price.id },
      { priceSlug: 'foreign' },
      { usageMeterSlug: 'does_not_exist' },
      { priceId: 'price_missing' },
    ]
    for (const id of cases) {
      const single = await api.post('/usage-events', {
        usageEvent: { subscriptionId, amount: 1, transactionId: txn(), ...id },
      })
      expect(single.status, JSON.stringify(id)).toBe(404)
      expect(single.body.code).toBe('NOT_FOUND')
      const bulk = await api.post('/usage-events/bulk', {
        usageEvents: [
          { subscriptionId, amount: 1, transactionId: txn(), usageMeterSlug: 'ai_tokens' },
          { subscriptionId, amount: 1, transactionId: txn(), ...id },
        ],
      })
      expect(bulk.status, JSON.stringify(id)).toBe(404)
      expect(bulk.body.error).toMatch(/\(index 1\)/)
    }
    expect(emulator.state.tables.usageEvents.size).toBe(0)
  })

  it('a subscription price is not a usage price (400); an unknown subscription is 404', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'r5')
    const res = await api.post('/usage-events', {
      usageEvent: { subscriptionId, amount: 1, transactionId: txn(), priceSlug: 'pro_monthly' },
    })
    expect(res.status).toBe(400)
    const missing = await api.post('/usage-events', {
      usageEvent: {
        subscriptionId: 'sub_nope',
        amount: 1,
        transactionId: txn(),
        priceSlug: 'ai_tokens',
      },
    })
    expect(missing.status).toBe(404)
  })

  it('GET /usage-events/{id}', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'r6')
    const created = await api.post('/usage-events', {
      usageEvent: { subscriptionId, amount: 9, transactionId: 'g1', usageMeterSlug: 'api_calls' },
    })
    const got = await api.get(`/usage-events/${created.body.usageEvent.id}`)
    expect(got.body.usageEvent).toEqual(created.body.usageEvent)
    expect((await api.get('/usage-events/usage_event_nope')).status).toBe(404)
  })
})

describe('usage events: idempotency on (transactionId, usageMeterId)', () => {
  it('a repeat on the same subscription returns the existing event unchanged', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'i1')
    const first = await api.post('/usage-events', {
      usageEvent: { subscriptionId, amount: 5, transactionId: 'dup', usageMeterSlug: 'ai_tokens' },
    })
    emulator.clock.advance(1000)
    const again = await api.post('/usage-events', {
      usageEvent: {
        subscriptionId,
        amount: 999,
        transactionId: 'dup',
        usageMeterSlug: 'ai_tokens',
        properties: { x: 1 },
      },
    })
    expect(again.status).toBe(200)
    expect(again.body.usageEvent).toEqual(first.body.usageEvent)
    const balances = (await api.get('/customers/i1/usage-balances')).body.usageMeterBalances
    expect(balances[0].availableBalance).toBe(10_000 - 5)
    // The same transactionId on another meter is a different event.
    const other = await api.post('/usage-events', {
      usageEvent: { subscriptionId, amount: 1, transactionId: 'dup', usageMeterSlug: 'api_calls' },
    })
    expect(other.status).toBe(200)
    expect(other.body.usageEvent.id).not.toBe(first.body.usageEvent.id)
  })

  it('a repeat from another subscription is 409 CONFLICT', async () => {
    const { api } = setup()
    const a = await newCustomer(api, 'i2a')
    const b = await newCustomer(api, 'i2b')
    await api.post('/usage-events', {
      usageEvent: {
        subscriptionId: a.subscriptionId,
        amount: 1,
        transactionId: 'shared',
        usageMeterSlug: 'ai_tokens',
      },
    })
    const res = await api.post('/usage-events', {
      usageEvent: {
        subscriptionId: b.subscriptionId,
        amount: 1,
        transactionId: 'shared',
        usageMeterSlug: 'ai_tokens',
      },
    })
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('CONFLICT')
    expect(res.body.error).toMatch(/^UsageEvent conflict/)
  })

  it('bulk skips stored duplicates and repeats inside the request, leaving them out', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'i3')
    await api.post('/usage-events', {
      usageEvent: { subscriptionId, amount: 1, transactionId: 'old', usageMeterSlug: 'ai_tokens' },
    })
    const ev = (transactionId: string, amount = 1) => ({
      subscriptionId,
      amount,
      transactionId,
      usageMeterSlug: 'ai_tokens',
    })
    const res = await api.post('/usage-events/bulk', {
      usageEvents: [ev('old'), ev('n1', 10), ev('n2', 20), ev('n1', 30)],
    })
    expect(res.status).toBe(200)
    expect(
      res.body.usageEvents.map((e: { transactionId: string; amount: number }) => [
        e.transactionId,
        e.amount,
      ]),
    ).toEqual([
      ['n1', 10],
      ['n2', 20],
    ])
    const all = await api.post('/usage-events/bulk', {
      usageEvents: [ev('old'), ev('n1'), ev('n2')],
    })
    expect(all.body).toEqual({ usageEvents: [] })
    expect(emulator.state.tables.usageEvents.size).toBe(3)
    const balance = (await api.get('/customers/i3/usage-balances')).body.usageMeterBalances[0]
    expect(balance.availableBalance).toBe(10_000 - 31)
  })

  it('50 identical concurrent requests store exactly one event', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'i4')
    const body = {
      usageEvent: { subscriptionId, amount: 7, transactionId: 'race', usageMeterSlug: 'ai_tokens' },
    }
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => api.post('/usage-events', body)),
    )
    expect(replies.every((r) => r.status === 200)).toBe(true)
    expect(new Set(replies.map((r) => r.body.usageEvent.id)).size).toBe(1)
    expect(emulator.state.tables.usageEvents.size).toBe(1)
    const bulk = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.post('/usage-events/bulk', {
          usageEvents: [{ ...body.usageEvent, transactionId: 'race2' }],
        }),
      ),
    )
    expect(bulk.reduce((n, r) => n + r.body.usageEvents.length, 0)).toBe(1)
    expect(emulator.state.tables.usageEvents.size).toBe(2)
    const balance = (await api.get('/customers/i4/usage-balances')).body.usageMeterBalances[0]
    expect(balance.availableBalance).toBe(10_000 - 14)
  })
})

describe('usage events: bulk', () => {
  it('validates all-or-nothing and names the failing index', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'k1')
    const good = (i: number) => ({
      subscriptionId,
      amount: 1,
      transactionId: `b${i}`,
      usageMeterSlug: 'ai_tokens',
    })
    const schemaFail = await api.post('/usage-events/bulk', {
      usageEvents: [good(0), good(1), { ...good(2), amount: 0 }],
    })
    expect(schemaFail.status).toBe(400)
    expect(schemaFail.body.error[0].path).toEqual(['usageEvents', 2, 'amount'])
    expect(schemaFail.body.error[0].message).toMatch(/\(index 2\)/)
    const lookupFail = await api.post('/usage-events/bulk', {
      usageEvents: [good(0), { ...good(1), usageMeterSlug: 'nope' }, good(2)],
    })
    expect(lookupFail.status).toBe(404)
    expect(lookupFail.body.error).toMatch(/\(index 1\)/)
    const propsFail = await api.post('/usage-events/bulk', {
      usageEvents: [good(0), good(1), good(2), { ...good(3), usageMeterSlug: 'active_users' }],
    })
    expect(propsFail.status).toBe(400)
    expect(propsFail.body.error).toMatch(/^Invalid properties: .*\(index 3\)/)
    expect(emulator.state.tables.usageEvents.size).toBe(0)
    expect((await api.post('/usage-events/bulk', { usageEvents: [] })).status).toBe(400)
  })

  it('ingests 10,000 events in one request', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'k2')
    const usageEvents = Array.from({ length: 10_000 }, (_, i) => ({
      subscriptionId,
      amount: 2,
      transactionId: `big_${i}`,
      usageMeterSlug: 'ai_tokens',
    }))
    const res = await api.post('/usage-events/bulk', { usageEvents })
    expect(res.status).toBe(200)
    expect(res.body.usageEvents).toHaveLength(10_000)
    const balance = (await api.get('/customers/k2/usage-balances')).body.usageMeterBalances[0]
    expect(balance.availableBalance).toBe(10_000 - 20_000)
  })
})

describe('usage events: dates', () => {
  it('stores usageDate as given (number or ISO) and defaults it to now', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'd1')
    const post = (usageDate?: number | string) =>
      api.post('/usage-events', {
        usageEvent: {
          subscriptionId,
          amount: 1,
          transactionId: txn(),
          usageMeterSlug: 'ai_tokens',
          usageDate,
        },
      })
    expect((await post(123)).body.usageEvent.usageDate).toBe(123)
    expect((await post('2030-01-01T00:00:00.000Z')).body.usageEvent.usageDate).toBe(
      Date.UTC(2030, 0, 1),
    )
    expect((await post()).body.usageEvent.usageDate).toBe(T0)
    expect((await post('not a date')).status).toBe(400)
  })
})
