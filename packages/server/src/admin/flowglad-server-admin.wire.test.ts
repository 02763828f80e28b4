import { describe, expect, it } from 'vitest'
import { billing, customer, usageEvent } from '../../test/fixtures.js'
import { API_KEY, apiError, BASE_URL, useMockApi } from '../../test/mock-api.js'
import { FlowgladServerAdmin } from './flowglad-server-admin.js'

const api = useMockApi()
const admin = () => new FlowgladServerAdmin({ apiKey: API_KEY, baseURL: BASE_URL, maxRetries: 0 })

const productInput = {
  name: 'Pro',
  slug: 'pro',
  active: true,
  pricingModelId: 'pricing_model_1',
  default: false,
}
const subscriptionPrice = {
  type: 'subscription' as const,
  unitPrice: 2000,
  intervalUnit: 'month' as const,
  intervalCount: 1,
  isDefault: true,
  slug: 'pro_monthly',
  name: 'Pro monthly',
}

describe('FlowgladServerAdmin wire calls', () => {
  it('customers: create, get, update, billing, usage balances', async () => {
    api.on('POST /api/v1/customers', { body: { data: { customer: customer() } } })
    api.on('GET /api/v1/customers/user_1', { body: { customer: customer() } })
    api.on('PUT /api/v1/customers/user_1', { body: { customer: customer() } })
    api.on('GET /api/v1/customers/user_1/billing', { body: billing() })
    api.on('GET /api/v1/customers/user_1/usage-balances', { body: { usageMeterBalances: [] } })
    const client = admin()
    const created = await client.createCustomer({
      customer: { externalId: 'user_1', name: 'Ada', email: 'ada@example.com' },
    })
    expect(created.data.customer.id).toBe('cust_1')
    await client.getCustomer('user_1')
    await client.updateCustomer('user_1', { customer: { name: 'Grace' } })
    const details = await client.getCustomerBilling('user_1')
    expect(details.customer.externalId).toBe('user_1')
    await client.getCustomerUsageBalances('user_1', { subscriptionId: 'sub_1' })
    expect(api.routes()).toEqual([
      'POST /api/v1/customers',
      'GET /api/v1/customers/user_1',
      'PUT /api/v1/customers/user_1',
      'GET /api/v1/customers/user_1/billing',
      'GET /api/v1/customers/user_1/usage-balances',
    ])
    expect(api.calls.map((call) => call.body)).toEqual([
      { customer: { externalId: 'user_1', name: 'Ada', email: 'ada@example.com' } },
      undefined,
      { customer: { name: 'Grace' } },
      undefined,
      undefined,
    ])
    expect(api.calls[4]?.query).toEqual({ subscriptionId: 'sub_1' })
    expect(api.calls.every((call) => call.headers.get('authorization') === API_KEY)).toBe(true)
  })

  it('pricing models: get, default (not read as an id), clone', async () => {
    const reply = { body: { pricingModel: billing().pricingModel } }
    api.on('GET /api/v1/pricing-models/default', reply)
    api.on('GET /api/v1/pricing-models/pricing_model_1', reply)
    api.on('POST /api/v1/pricing-models/pricing_model_1/clone', reply)
    const client = admin()
    await client.getDefaultPricingModel()
    await client.getPricingModel('pricing_model_1')
    await client.clonePricingModel('pricing_model_1', { name: 'Copy' })
    expect(api.routes()).toEqual([
      'GET /api/v1/pricing-models/default',
      'GET /api/v1/pricing-models/pricing_model_1',
      'POST /api/v1/pricing-models/pricing_model_1/clone',
    ])
    expect(api.calls[2]?.body).toEqual({ name: 'Copy' })
  })

  it('products: create, update, get', async () => {
    api.on('POST /api/v1/products', { body: { product: { id: 'prod_1' } } })
    api.on('PUT /api/v1/products/prod_1', { body: { product: { id: 'prod_1' } } })
    api.on('GET /api/v1/products/prod_1', { body: { id: 'prod_1', slug: 'pro' } })
    const client = admin()
    await client.createProduct({ product: productInput, price: subscriptionPrice })
    await client.updateProduct('prod_1', { product: { id: 'prod_1', name: 'Pro+', active: true } })
    expect((await client.getProduct('prod_1')).slug).toBe('pro')
    expect(api.calls.map((call) => call.body)).toEqual([
      { product: productInput, price: subscriptionPrice },
      { product: { id: 'prod_1', name: 'Pro+', active: true } },
      undefined,
    ])
  })

  it('prices: create, update, get, list', async () => {
    const reply = { body: { price: { id: 'price_1' } } }
    api.on('POST /api/v1/prices', reply)
    api.on('PUT /api/v1/prices/price_1', reply)
    api.on('GET /api/v1/prices/price_1', reply)
    api.on('GET /api/v1/prices', { body: { data: [], total: 0, hasMore: false } })
    const client = admin()
    const price = { ...subscriptionPrice, productId: 'prod_1' }
    await client.createPrice({ price })
    await client.updatePrice('price_1', {
      price: { id: 'price_1', type: 'subscription', name: 'Renamed', isDefault: true },
    })
    await client.getPrice('price_1')
    await client.listPrices({ limit: 5 })
    expect(api.routes()).toEqual([
      'POST /api/v1/prices',
      'PUT /api/v1/prices/price_1',
      'GET /api/v1/prices/price_1',
      'GET /api/v1/prices',
    ])
    expect(api.calls[0]?.body).toEqual({ price })
    expect(api.calls[3]?.query).toEqual({ limit: '5' })
  })

  it('usage meters: create, get, update, list', async () => {
    const reply = { body: { usageMeter: { id: 'usage_meter_1' } } }
    api.on('POST /api/v1/usage-meters', reply)
    api.on('GET /api/v1/usage-meters/usage_meter_1', reply)
    api.on('PUT /api/v1/usage-meters/usage_meter_1', reply)
    api.on('GET /api/v1/usage-meters', { body: { data: [], total: 0, hasMore: false } })
    const client = admin()
    await client.createUsageMeter({
      usageMeter: { name: 'Tokens', slug: 'tokens', aggregationType: 'sum' },
      price: { unitPrice: 1, usageEventsPerUnit: 1000 },
    })
    await client.getUsageMeter('usage_meter_1')
    await client.updateUsageMeter('usage_meter_1', {
      usageMeter: { id: 'usage_meter_1', name: 'T' },
    })
    await client.listUsageMeters()
    expect(api.calls.map((call) => call.body)).toEqual([
      {
        usageMeter: { name: 'Tokens', slug: 'tokens', aggregationType: 'sum' },
        price: { unitPrice: 1, usageEventsPerUnit: 1000 },
      },
      undefined,
      { usageMeter: { id: 'usage_meter_1', name: 'T' } },
      undefined,
    ])
  })

  it('usage events: create (raw), bulk (schema-checked, no ownership check), get', async () => {
    api.on('POST /api/v1/usage-events', { body: { usageEvent: usageEvent('t1') } })
    api.on('POST /api/v1/usage-events/bulk', { body: { usageEvents: [usageEvent('t2')] } })
    api.on('GET /api/v1/usage-events/usage_event_t1', { body: { usageEvent: usageEvent('t1') } })
    const client = admin()
    const raw = {
      subscriptionId: 'sub_any',
      usageMeterSlug: 'ai_tokens',
      amount: 3,
      transactionId: 't1',
    }
    await client.createUsageEvent({ usageEvent: raw })
    const bulk = await client.bulkCreateUsageEvents({
      usageEvents: [{ ...raw, transactionId: 't2', usageDate: new Date(5_000) }],
    })
    expect(bulk.usageEvents.map((event) => event.transactionId)).toEqual(['t2'])
    await client.getUsageEvent('usage_event_t1')
    expect(api.calls.map((call) => call.body)).toEqual([
      { usageEvent: raw },
      { usageEvents: [{ ...raw, transactionId: 't2', usageDate: 5_000 }] },
      undefined,
    ])
    await expect(client.bulkCreateUsageEvents({ usageEvents: [] })).rejects.toMatchObject({
      code: 'validation_error',
    })
    expect(api.calls).toHaveLength(3)
  })

  it('lists: customers and subscriptions send limit and cursor as query parameters', async () => {
    const page = { body: { data: [], total: 0, hasMore: false } }
    api.on('GET /api/v1/customers', page)
    api.on('GET /api/v1/subscriptions', page)
    const client = admin()
    const customers = await client.listCustomers({ limit: 10, cursor: 'cursor_1' })
    expect(customers).toEqual({ data: [], total: 0, hasMore: false })
    await client.listSubscriptions()
    expect(api.routes()).toEqual(['GET /api/v1/customers', 'GET /api/v1/subscriptions'])
    expect(api.calls.map((call) => call.query)).toEqual([{ limit: '10', cursor: 'cursor_1' }, {}])
    expect(api.calls.map((call) => call.body)).toEqual([undefined, undefined])
  })

  it('a blank or missing id is a validation_error and nothing is sent', async () => {
    const client = admin()
    const calls: [string, () => Promise<unknown>][] = [
      ['getCustomer', () => client.getCustomer('')],
      ['getCustomerBilling', () => client.getCustomerBilling('  ')],
      ['getUsageEvent', () => client.getUsageEvent(undefined as unknown as string)],
      [
        'updateProduct',
        () => client.updateProduct(null as unknown as string, { product: { id: 'prod_1' } }),
      ],
    ]
    for (const [name, call] of calls) {
      await expect(call(), name).rejects.toMatchObject({
        code: 'validation_error',
        message: expect.stringMatching(/^Invalid id in \/api\/v1\//),
      })
    }
    expect(api.calls).toEqual([])
  })

  it('subscriptions: get; API errors come back typed', async () => {
    api.on(
      'GET /api/v1/subscriptions/sub_gone',
      apiError(404, 'NOT_FOUND', 'Subscription not found'),
    )
    const error = await admin()
      .getSubscription('sub_gone')
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({
      name: 'FlowgladApiError',
      code: 'not_found',
      status: 404,
      apiCode: 'NOT_FOUND',
      requestId: 'req00002',
      body: { error: 'Subscription not found', code: 'NOT_FOUND', request_id: 'req00002' },
    })
  })
})
