import { describe, expect, it, vi } from 'vitest'
import { billing, customer, subscription, usageEvent } from '../../test/fixtures.js'
import { API_KEY, apiError, BASE_URL, useMockApi } from '../../test/mock-api.js'
import { createUsageBatcher } from '../batcher/index.js'
import { FlowgladServer, type FlowgladServerOptions } from './flowglad-server.js'
import { OwnershipCache } from './ownership-cache.js'

const api = useMockApi()
const BILLING = 'GET /api/v1/customers/user_1/billing' as const

function server(overrides: Partial<FlowgladServerOptions> = {}) {
  return new FlowgladServer({
    customerExternalId: 'user_1',
    getCustomerDetails: async (externalId) => ({ name: 'Ada', email: `${externalId}@example.com` }),
    apiKey: API_KEY,
    baseURL: BASE_URL,
    maxRetries: 0,
    ownershipCache: new OwnershipCache(),
    ...overrides,
  } as FlowgladServerOptions)
}

const event = {
  subscriptionId: 'sub_1',
  priceSlug: 'ai_tokens_price',
  amount: 10,
  transactionId: 'tx_1',
}

describe('createUsageEvent', () => {
  it('checks ownership with one GET billing, then POSTs {usageEvent} with the raw key', async () => {
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/usage-events', { body: { usageEvent: usageEvent('tx_1') } })
    const result = await server().createUsageEvent({
      ...event,
      usageDate: new Date(1_700_000_000_000),
      properties: null,
    })
    expect(result.usageEvent.id).toBe('usage_event_tx_1')
    expect(api.routes()).toEqual([BILLING, 'POST /api/v1/usage-events'])
    const post = api.calls[1]
    expect(post?.headers.get('authorization')).toBe(API_KEY)
    expect(post?.headers.get('content-type')).toBe('application/json')
    expect(post?.body).toEqual({ usageEvent: { ...event, usageDate: 1_700_000_000_000 } })
  })

  it('drops a null usageDate and keeps epoch ms as sent', async () => {
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/usage-events', { body: { usageEvent: usageEvent('tx_1') } })
    const flowglad = server()
    await flowglad.createUsageEvent({ ...event, usageDate: null, properties: { model: 'x' } })
    await flowglad.createUsageEvent({ ...event, usageDate: 1_700_000_000_000 })
    const posts = api.calls.filter((call) => call.method === 'POST').map((call) => call.body)
    expect(posts).toEqual([
      { usageEvent: { ...event, properties: { model: 'x' } } },
      { usageEvent: { ...event, usageDate: 1_700_000_000_000 } },
    ])
  })

  it('with the cache warm costs exactly one request', async () => {
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/usage-events', { body: { usageEvent: usageEvent('tx_1') } })
    const flowglad = server()
    await flowglad.getOwnedSubscriptions()
    api.calls.length = 0
    await flowglad.createUsageEvent(event)
    await flowglad.createUsageEvent({ ...event, transactionId: 'tx_2', usageMeterSlug: undefined })
    expect(api.routes()).toEqual(['POST /api/v1/usage-events', 'POST /api/v1/usage-events'])
  })

  it('shares the warm cache across instances (one per request in apps)', async () => {
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/usage-events', { body: { usageEvent: usageEvent('tx_1') } })
    const cache = new OwnershipCache()
    await server({ ownershipCache: cache }).createUsageEvent(event)
    await server({ ownershipCache: cache }).createUsageEvent(event)
    expect(api.routes()).toEqual([
      BILLING,
      'POST /api/v1/usage-events',
      'POST /api/v1/usage-events',
    ])
  })

  it('refuses a foreign subscription with forbidden and sends nothing', async () => {
    api.on(BILLING, { body: billing() })
    const error = await server()
      .createUsageEvent({ ...event, subscriptionId: 'sub_other' })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({
      code: 'forbidden',
      message: "Subscription sub_other is not found among the customer's current subscriptions",
    })
    expect(api.routes().filter((route) => route.startsWith('POST'))).toEqual([])
  })

  it('re-checks once when a cached answer lacks the id (a brand-new subscription)', async () => {
    api.on(
      BILLING,
      { body: billing() },
      { body: billing([subscription('sub_1'), subscription('sub_new')]) },
    )
    api.on('POST /api/v1/usage-events', { body: { usageEvent: usageEvent('tx_1', 'sub_new') } })
    const flowglad = server()
    await flowglad.getOwnedSubscriptions()
    await flowglad.createUsageEvent({ ...event, subscriptionId: 'sub_new' })
    expect(api.routes()).toEqual([BILLING, BILLING, 'POST /api/v1/usage-events'])
  })

  it('after one re-check, forged ids are refused from cache for the TTL', async () => {
    let now = 0
    const ownershipCache = new OwnershipCache({ now: () => now })
    api.on(BILLING, { body: billing() })
    const flowglad = server({ ownershipCache, ownershipCacheTtlMs: 60_000 })
    for (let index = 0; index < 100; index++) {
      await expect(
        flowglad.createUsageEvent({ ...event, subscriptionId: `sub_forged_${index}` }),
      ).rejects.toMatchObject({ code: 'forbidden' })
    }
    expect(api.routes()).toEqual([BILLING, BILLING])
    // Once the TTL is over, a miss is re-checked again (one fill, one re-check).
    now = 60_000
    await expect(
      flowglad.createUsageEvent({ ...event, subscriptionId: 'sub_forged_again' }),
    ).rejects.toMatchObject({ code: 'forbidden' })
    expect(api.routes()).toEqual([BILLING, BILLING, BILLING, BILLING])
  }, 60_000) // a bound for a shared machine, not a speed claim

  it('validates with the strict shared schema before any request', async () => {
    const flowglad = server()
    await expect(
      flowglad.createUsageEvent({ ...event, priceId: 'p' } as unknown as typeof event),
    ).rejects.toMatchObject({ code: 'validation_error' })
    await expect(flowglad.createUsageEvent({ ...event, amount: 0 })).rejects.toMatchObject({
      code: 'validation_error',
    })
    await expect(
      flowglad.createUsageEvent({ ...event, usageDate: new Date('nope') }),
    ).rejects.toMatchObject({ code: 'validation_error' })
    expect(api.calls).toEqual([])
  })

  it('ownershipCacheTtlMs 0 disables the cache', async () => {
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/usage-events', { body: { usageEvent: usageEvent('tx_1') } })
    const flowglad = server({ ownershipCacheTtlMs: 0 })
    await flowglad.createUsageEvent(event)
    await flowglad.createUsageEvent(event)
    expect(api.routes().filter((route) => route === BILLING)).toHaveLength(2)
  })

  it('the cache expires after its TTL', async () => {
    let now = 0
    const cache = new OwnershipCache({ now: () => now })
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/usage-events', { body: { usageEvent: usageEvent('tx_1') } })
    const flowglad = server({ ownershipCache: cache, ownershipCacheTtlMs: 1_000 })
    await flowglad.createUsageEvent(event)
    now = 999
    await flowglad.createUsageEvent(event)
    now = 1_000
    await flowglad.createUsageEvent(event)
    expect(api.routes().filter((route) => route === BILLING)).toHaveLength(2)
  })
})

describe('bulkCreateUsageEvents', () => {
  const events = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ ...event, transactionId: id }))

  it('sends in order, in chunks, and counts the skipped duplicates', async () => {
    api.on(BILLING, { body: billing() })
    api.on(
      'POST /api/v1/usage-events/bulk',
      { body: { usageEvents: [usageEvent('a'), usageEvent('b')] } },
      { body: { usageEvents: [usageEvent('d')] } },
      { body: { usageEvents: [] } },
    )
    const result = await server().bulkCreateUsageEvents({ usageEvents: events }, { chunkSize: 2 })
    const bodies = api.calls.filter((call) => call.path.endsWith('/bulk')).map((call) => call.body)
    expect(bodies).toEqual([
      { usageEvents: events.slice(0, 2) },
      { usageEvents: events.slice(2, 4) },
      { usageEvents: events.slice(4) },
    ])
    expect(result.usageEvents.map((created) => created.transactionId)).toEqual(['a', 'b', 'd'])
    expect(result.skipped).toBe(2)
  })

  it('defaults to 500 events per request', async () => {
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/usage-events/bulk', { body: { usageEvents: [] } })
    const many = Array.from({ length: 1_001 }, (_, i) => ({ ...event, transactionId: `t${i}` }))
    const result = await server().bulkCreateUsageEvents({ usageEvents: many })
    const sizes = api.calls
      .filter((call) => call.path.endsWith('/bulk'))
      .map((call) => (call.body as { usageEvents: unknown[] }).usageEvents.length)
    expect(sizes).toEqual([500, 500, 1])
    expect(result.skipped).toBe(1_001)
  })

  it('refuses the whole list when one subscription is foreign, sending nothing', async () => {
    api.on(BILLING, { body: billing() })
    const error = await server()
      .bulkCreateUsageEvents({ usageEvents: [...events, { ...event, subscriptionId: 'sub_x' }] })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('sub_x') })
    expect(api.routes().every((route) => route === BILLING)).toBe(true)
  })

  it('points a validation error at the failing index', async () => {
    await expect(
      server().bulkCreateUsageEvents({ usageEvents: [event, { ...event, amount: -1 }] }),
    ).rejects.toMatchObject({
      code: 'validation_error',
      details: [expect.objectContaining({ path: ['usageEvents', 1, 'amount'] })],
    })
  })
})

describe('createUsageBatcher with a customer-scoped client', () => {
  it('sends through this customer-scoped client: own events in one bulk request, foreign ones never', async () => {
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/usage-events/bulk', { body: { usageEvents: [usageEvent('own')] } })
    const failed: string[] = []
    const batcher = createUsageBatcher({
      client: server(),
      flushIntervalMs: 60_000,
      onError: (failures) => failed.push(...failures.map((failure) => failure.transactionId)),
    })
    batcher.track({ subscriptionId: 'sub_1', priceSlug: 'ai_tokens_price', transactionId: 'own' })
    batcher.track({
      subscriptionId: 'sub_x',
      priceSlug: 'ai_tokens_price',
      transactionId: 'theirs',
    })
    await expect(batcher.flush()).rejects.toMatchObject({
      name: 'UsageFlushError',
      code: 'forbidden',
      delivered: 1,
    })
    expect(failed).toEqual(['theirs'])
    const bulk = api.calls.filter((call) => call.path.endsWith('/bulk'))
    expect(bulk.map((call) => call.body)).toEqual([
      {
        usageEvents: [
          {
            subscriptionId: 'sub_1',
            priceSlug: 'ai_tokens_price',
            amount: 1,
            transactionId: 'own',
          },
        ],
      },
    ])
    await batcher.shutdown()
  })
})

describe('customers', () => {
  it('findOrCreateCustomer: GET, then create on NOT_FOUND with getCustomerDetails', async () => {
    const details = vi.fn(async () => ({ name: 'Ada', email: 'ada@example.com' }))
    api.on('GET /api/v1/customers/user_1', apiError(404, 'NOT_FOUND'))
    api.on('POST /api/v1/customers', { body: { data: { customer: customer() } } })
    const found = await server({ getCustomerDetails: details }).findOrCreateCustomer()
    expect(found.id).toBe('cust_1')
    expect(details).toHaveBeenCalledWith('user_1')
    expect(api.calls[1]?.body).toEqual({
      customer: { externalId: 'user_1', name: 'Ada', email: 'ada@example.com' },
    })
  })

  it('findOrCreateCustomer: a CONFLICT on create (a concurrent request won) re-GETs', async () => {
    api.on('GET /api/v1/customers/user_1', apiError(404, 'NOT_FOUND'), {
      body: { customer: customer() },
    })
    api.on('POST /api/v1/customers', apiError(409, 'CONFLICT'))
    const found = await server().findOrCreateCustomer()
    expect(found.externalId).toBe('user_1')
    expect(api.routes()).toEqual([
      'GET /api/v1/customers/user_1',
      'POST /api/v1/customers',
      'GET /api/v1/customers/user_1',
    ])
  })

  it('findOrCreateCustomer rethrows other errors', async () => {
    api.on('GET /api/v1/customers/user_1', apiError(403, 'FORBIDDEN'))
    await expect(server().findOrCreateCustomer()).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('getCustomer and updateCustomer use the session externalId; the id is not sent', async () => {
    api.on('GET /api/v1/customers/user_1', { body: { customer: customer() } })
    api.on('PUT /api/v1/customers/user_1', { body: { customer: customer() } })
    const flowglad = server()
    expect((await flowglad.getCustomer()).customer.id).toBe('cust_1')
    await flowglad.updateCustomer({
      customer: { id: 'cust_1', name: 'Grace' },
      externalId: 'user_1',
    })
    expect(api.calls[1]?.body).toEqual({ customer: { name: 'Grace' } })
    await expect(
      flowglad.updateCustomer({ customer: { id: 'c', name: 'x' }, externalId: 'someone_else' }),
    ).rejects.toMatchObject({ code: 'forbidden' })
    await expect(
      flowglad.updateCustomer({ customer: { email: 'not-an-email' } }),
    ).rejects.toMatchObject({ code: 'validation_error' })
    expect(api.calls).toHaveLength(2)
  })

  it('encodes the externalId in paths', async () => {
    api.on('GET /api/v1/customers/a%2Fb', { body: { customer: customer('a/b') } })
    await server({ customerExternalId: 'a/b' }).getCustomer()
    expect(api.calls[0]?.path).toBe('/api/v1/customers/a%2Fb')
  })
})

describe('getBilling', () => {
  it('steady state: exactly one GET billing, plus the checks', async () => {
    api.on(BILLING, { body: billing() })
    const result = await server().getBilling()
    expect(api.routes()).toEqual([BILLING])
    expect(result.checkFeatureAccess('advanced_models')).toBe(true)
    expect(result.checkFeatureAccess('nope')).toBe(false)
    expect(result.checkUsageBalance('ai_tokens')).toEqual({ availableBalance: 900 })
    expect(result.getProduct('none')).toBeNull()
    expect(result.hasPurchased('none')).toBe(false)
  })

  it('NOT_FOUND: creates the customer and reads billing again', async () => {
    api.on(BILLING, apiError(404, 'NOT_FOUND'), { body: billing() })
    api.on('POST /api/v1/customers', { body: { data: { customer: customer() } } })
    await server().getBilling()
    expect(api.routes()).toEqual([BILLING, 'POST /api/v1/customers', BILLING])
  })

  it('warms the ownership cache', async () => {
    api.on(BILLING, { body: billing() })
    const flowglad = server()
    await flowglad.getBilling()
    expect(await flowglad.getOwnedSubscriptions()).toEqual({
      customerId: 'cust_1',
      currentSubscriptionId: 'sub_1',
      currentSubscriptionIds: ['sub_1'],
      subscriptionIds: ['sub_1'],
    })
    expect(api.routes()).toEqual([BILLING])
  })

  it('getPricingModel returns { pricingModel }', async () => {
    api.on(BILLING, { body: billing() })
    expect((await server().getPricingModel()).pricingModel.id).toBe('pricing_model_1')
  })

  it('getUsageMeterBalances passes an own subscriptionId as a query parameter', async () => {
    api.on(BILLING, { body: billing() })
    api.on('GET /api/v1/customers/user_1/usage-balances', { body: { usageMeterBalances: [] } })
    const flowglad = server()
    await flowglad.getUsageMeterBalances({ subscriptionId: 'sub_1' })
    await flowglad.getUsageMeterBalances()
    const balances = api.calls.filter((call) => call.path.endsWith('/usage-balances'))
    expect(balances.map((call) => call.query)).toEqual([{ subscriptionId: 'sub_1' }, {}])
  })

  it('getUsageMeterBalances refuses a subscription not in billing, without asking for it', async () => {
    api.on(BILLING, { body: billing() })
    await expect(server().getUsageMeterBalances({ subscriptionId: 'sub_x' })).rejects.toMatchObject(
      { code: 'forbidden' },
    )
    expect(api.routes().every((route) => route === BILLING)).toBe(true)
  })
})

describe('checkout sessions', () => {
  const urls = { successUrl: 'https://app.test/ok', cancelUrl: 'https://app.test/no' }
  const reply = { body: { checkoutSession: { id: 'chckt_session_1' }, url: 'https://pay/1' } }

  it('product: type, customerExternalId and quantity 1 are sent', async () => {
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/checkout-sessions', reply)
    const result = await server().createCheckoutSession({ ...urls, priceSlug: 'pro_monthly' })
    expect(result.url).toBe('https://pay/1')
    // The customer is made to exist first (free once the ownership cache is warm).
    expect(api.routes()).toEqual([BILLING, 'POST /api/v1/checkout-sessions'])
    expect(api.calls[1]?.body).toEqual({
      checkoutSession: {
        ...urls,
        priceSlug: 'pro_monthly',
        quantity: 1,
        type: 'product',
        customerExternalId: 'user_1',
      },
    })
  })

  it('add payment method and activate subscription check the target subscription', async () => {
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/checkout-sessions', reply)
    const flowglad = server()
    await flowglad.createAddPaymentMethodCheckoutSession({ ...urls, targetSubscriptionId: 'sub_1' })
    await flowglad.createActivateSubscriptionCheckoutSession({
      ...urls,
      targetSubscriptionId: 'sub_1',
    })
    const posted = api.calls.filter((call) => call.method === 'POST').map((call) => call.body)
    expect(posted).toEqual([
      {
        checkoutSession: {
          ...urls,
          targetSubscriptionId: 'sub_1',
          type: 'add_payment_method',
          customerExternalId: 'user_1',
        },
      },
      {
        checkoutSession: {
          ...urls,
          targetSubscriptionId: 'sub_1',
          type: 'activate_subscription',
          customerExternalId: 'user_1',
        },
      },
    ])
    await expect(
      flowglad.createActivateSubscriptionCheckoutSession({
        ...urls,
        targetSubscriptionId: 'sub_x',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' })
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(2)
  })

  it('invalid input is a validation_error and nothing is sent', async () => {
    await expect(
      server().createCheckoutSession({
        successUrl: '/relative',
        cancelUrl: urls.cancelUrl,
        priceSlug: 'p',
      }),
    ).rejects.toMatchObject({ code: 'validation_error' })
    expect(api.calls).toEqual([])
  })
})

describe('subscriptions', () => {
  it('cancelSubscription: own → POST {cancellation}; the cache is invalidated', async () => {
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/subscriptions/sub_1/cancel', {
      body: { subscription: subscription('sub_1', { status: 'cancellation_scheduled' }) },
    })
    const flowglad = server()
    const result = await flowglad.cancelSubscription({
      id: 'sub_1',
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    expect(result.subscription.status).toBe('cancellation_scheduled')
    expect(api.calls[1]?.body).toEqual({
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    await flowglad.getOwnedSubscriptions()
    expect(api.routes()).toEqual([BILLING, 'POST /api/v1/subscriptions/sub_1/cancel', BILLING])
  })

  it('cancelSubscription: foreign → forbidden, nothing sent', async () => {
    api.on(BILLING, { body: billing() })
    api.on('GET /api/v1/subscriptions/sub_x', {
      body: { subscription: subscription('sub_x', { customerId: 'cust_other' }) },
    })
    await expect(
      server().cancelSubscription({ id: 'sub_x', cancellation: { timing: 'immediately' } }),
    ).rejects.toMatchObject({ code: 'forbidden' })
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([])
  })

  it('uncancelSubscription is idempotent: not scheduled → returned unchanged, nothing posted', async () => {
    api.on(BILLING, { body: billing() })
    api.on('GET /api/v1/subscriptions/sub_1', { body: { subscription: subscription('sub_1') } })
    const result = await server().uncancelSubscription({ id: 'sub_1' })
    expect(result.subscription.status).toBe('active')
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([])
  })

  it('uncancelSubscription: scheduled → POST {}', async () => {
    api.on(BILLING, { body: billing() })
    api.on('GET /api/v1/subscriptions/sub_1', {
      body: { subscription: subscription('sub_1', { status: 'cancellation_scheduled' }) },
    })
    api.on('POST /api/v1/subscriptions/sub_1/uncancel', {
      body: { subscription: subscription('sub_1') },
    })
    await server().uncancelSubscription({ id: 'sub_1' })
    expect(api.calls.at(-1)?.body).toEqual({})
  })

  it('uncancelSubscription: a subscription unknown to the API is forbidden', async () => {
    api.on(BILLING, { body: billing() })
    api.on('GET /api/v1/subscriptions/sub_x', apiError(404, 'NOT_FOUND'))
    await expect(server().uncancelSubscription({ id: 'sub_x' })).rejects.toMatchObject({
      code: 'forbidden',
    })
  })

  it('createSubscription: quantity 1 by default, customerId injected', async () => {
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/subscriptions', { body: { subscription: subscription('sub_2') } })
    await server().createSubscription({ priceSlug: 'pro_monthly' })
    expect(api.calls[1]?.body).toEqual({
      priceSlug: 'pro_monthly',
      quantity: 1,
      doNotCharge: false,
      customerId: 'cust_1',
    })
  })
})

describe("the ownership cache is dropped by this SDK's own writes", () => {
  const urls = { successUrl: 'https://app.test/ok', cancelUrl: 'https://app.test/no' }
  const checkout = { body: { checkoutSession: { id: 'chckt_session_1' }, url: 'https://pay/1' } }
  const writes: [string, (flowglad: FlowgladServer) => Promise<unknown>][] = [
    ['createSubscription', (flowglad) => flowglad.createSubscription({ priceSlug: 'pro_monthly' })],
    [
      'cancelSubscription',
      (flowglad) =>
        flowglad.cancelSubscription({ id: 'sub_1', cancellation: { timing: 'immediately' } }),
    ],
    ['uncancelSubscription', (flowglad) => flowglad.uncancelSubscription({ id: 'sub_1' })],
    [
      'createCheckoutSession',
      (flowglad) => flowglad.createCheckoutSession({ ...urls, priceSlug: 'pro_monthly' }),
    ],
    [
      'createAddPaymentMethodCheckoutSession',
      (flowglad) => flowglad.createAddPaymentMethodCheckoutSession(urls),
    ],
    [
      'createActivateSubscriptionCheckoutSession',
      (flowglad) =>
        flowglad.createActivateSubscriptionCheckoutSession({
          ...urls,
          targetSubscriptionId: 'sub_1',
        }),
    ],
  ]

  it.each(writes)('%s: the next ownership read asks the API again', async (_name, write) => {
    const scheduled = { subscription: subscription('sub_1', { status: 'cancellation_scheduled' }) }
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/subscriptions', { body: { subscription: subscription('sub_2') } })
    api.on('POST /api/v1/subscriptions/sub_1/cancel', { body: scheduled })
    api.on('GET /api/v1/subscriptions/sub_1', { body: scheduled })
    api.on('POST /api/v1/subscriptions/sub_1/uncancel', {
      body: { subscription: subscription('sub_1') },
    })
    api.on('POST /api/v1/checkout-sessions', checkout)
    const flowglad = server()
    await flowglad.getOwnedSubscriptions()
    await write(flowglad)
    const writeCalls = api.routes().slice(1)
    expect(writeCalls).not.toContain(BILLING)
    await flowglad.getOwnedSubscriptions()
    expect(api.routes()).toEqual([BILLING, ...writeCalls, BILLING])
  })

  it('a failed write still drops the cache (it may have landed)', async () => {
    api.on(BILLING, { body: billing() })
    api.on('POST /api/v1/subscriptions', apiError(500, 'INTERNAL_SERVER_ERROR'))
    const flowglad = server()
    await flowglad.getOwnedSubscriptions()
    await expect(flowglad.createSubscription({ priceSlug: 'pro_monthly' })).rejects.toMatchObject({
      code: 'upstream_unavailable',
    })
    await flowglad.getOwnedSubscriptions()
    expect(api.routes()).toEqual([BILLING, 'POST /api/v1/subscriptions', BILLING])
  })
})

describe('construction and session', () => {
  it('rejects blank ids and mixed forms with clear messages', () => {
    expect(() => server({ customerExternalId: '  ' })).toThrow(
      /customerExternalId must be a non-empty/,
    )
    expect(
      () =>
        new FlowgladServer({
          customerExternalId: 'u',
          getCustomerDetails: async () => ({ name: '', email: '' }),
          getRequestingCustomer: async () => ({ externalId: 'u', name: '', email: '' }),
        } as unknown as FlowgladServerOptions),
    ).toThrow(/not both/)
  })

  it('getRequestingCustomer: the id comes from the callback; blank → unauthenticated', async () => {
    api.on('GET /api/v1/customers/user_9', { body: { customer: customer('user_9') } })
    const ok = new FlowgladServer({
      getRequestingCustomer: async () => ({
        externalId: 'user_9',
        name: 'N',
        email: 'n@example.com',
      }),
      apiKey: API_KEY,
      baseURL: BASE_URL,
    })
    expect(await ok.getRequestingCustomerId()).toBe('user_9')
    expect((await ok.getCustomer()).customer.externalId).toBe('user_9')
    const anonymous = new FlowgladServer({
      getRequestingCustomer: async () => ({ externalId: '', name: '', email: '' }),
      apiKey: API_KEY,
    })
    await expect(anonymous.getRequestingCustomerId()).rejects.toMatchObject({
      code: 'unauthenticated',
    })
  })
})
