import { describe, expect, it } from 'vitest'
import { billing, subscription } from '../../test/fixtures.js'
import { API_KEY, BASE_URL, useMockApi } from '../../test/mock-api.js'
import { FlowgladServer } from './flowglad-server.js'
import { OwnershipCache } from './ownership-cache.js'

const api = useMockApi()
const BILLING = 'GET /api/v1/customers/user_1/billing' as const
const CLAIMS = '/api/v1/resource-claims/sub_1' as const

function server(maxRetries = 0) {
  return new FlowgladServer({
    customerExternalId: 'user_1',
    getCustomerDetails: async () => ({ name: 'Ada', email: 'ada@example.com' }),
    apiKey: API_KEY,
    baseURL: BASE_URL,
    maxRetries,
    ownershipCache: new OwnershipCache(),
  })
}

const usage = { resourceSlug: 'seats', resourceId: 'res_1', capacity: 5, claimed: 1, available: 4 }
const claim = (id: string, externalId: string | null = null) => ({
  id,
  createdAt: 1,
  updatedAt: 1,
  livemode: false,
  organizationId: 'org_1',
  resourceId: 'res_1',
  subscriptionId: 'sub_1',
  pricingModelId: 'pricing_model_1',
  externalId,
  claimedAt: 1,
  releasedAt: null,
  releaseReason: null,
  expiredAt: null,
  metadata: null,
})

const resourceCalls = () => api.calls.filter((call) => call.path.includes('/resource-claims/'))

describe('resource reads on the wire', () => {
  it('getResourceUsages: the only current subscription; the usages of [{ usage, claims }]', async () => {
    api.on(BILLING, { body: billing() })
    api.on(`GET ${CLAIMS}/usages`, { body: [{ usage, claims: [claim('rc_1')] }] })
    expect(await server().getResourceUsages()).toEqual({ resources: [usage] })
    expect(api.routes()).toEqual([BILLING, `GET ${CLAIMS}/usages`])
    expect(api.calls[1]?.query).toEqual({})
  })

  it('getResourceUsage sends only the identifier as the query', async () => {
    api.on(BILLING, { body: billing() })
    api.on(`GET ${CLAIMS}/usage`, { body: { usage, claims: [] } })
    const flowglad = server()
    expect(
      await flowglad.getResourceUsage({ resourceSlug: 'seats', subscriptionId: 'sub_1' }),
    ).toEqual({ usage, claims: [] })
    await flowglad.getResourceUsage({ resourceId: 'res_1' })
    expect(resourceCalls().map((call) => call.query)).toEqual([
      { resourceSlug: 'seats' },
      { resourceId: 'res_1' },
    ])
  })

  it('listResourceClaims, with and without a resourceSlug filter', async () => {
    api.on(BILLING, { body: billing() })
    api.on(`GET ${CLAIMS}/claims`, { body: { claims: [claim('rc_1', 'teammate_1')] } })
    const flowglad = server()
    expect(await flowglad.listResourceClaims({ resourceSlug: 'seats' })).toEqual({
      claims: [claim('rc_1', 'teammate_1')],
    })
    await flowglad.listResourceClaims()
    expect(resourceCalls().map((call) => call.query)).toEqual([{ resourceSlug: 'seats' }, {}])
  })

  it('reads accept an own subscription that is no longer current (checked with GET subscription)', async () => {
    const canceled = subscription('sub_old', { status: 'canceled', current: false })
    api.on(BILLING, { body: { ...billing(), subscriptions: [subscription('sub_1'), canceled] } })
    api.on('GET /api/v1/subscriptions/sub_old', { body: { subscription: canceled } })
    api.on('GET /api/v1/resource-claims/sub_old/claims', { body: { claims: [] } })
    expect(await server().listResourceClaims({ subscriptionId: 'sub_old' })).toEqual({ claims: [] })
  })
})

describe('claims and releases on the wire', () => {
  const claimForms = [
    { quantity: 2 },
    { externalId: 'teammate_1' },
    { externalIds: ['teammate_1', 'teammate_2'], metadata: { role: 'admin', level: 2, on: true } },
  ]

  it.each(
    claimForms,
  )('claimResource %o: the body is the form, the subscription in the path', async (form) => {
    api.on(BILLING, { body: billing() })
    api.on(`POST ${CLAIMS}/claim`, { body: { claims: [claim('rc_1')], usage } })
    const answer = await server().claimResource({ resourceSlug: 'seats', ...form })
    expect(answer).toEqual({ claims: [claim('rc_1')], usage })
    expect(resourceCalls().map((call) => call.body)).toEqual([{ resourceSlug: 'seats', ...form }])
  })

  const releaseForms = [
    { quantity: 1 },
    { externalId: 'teammate_1' },
    { externalIds: ['teammate_1', 'teammate_2'] },
    { claimIds: ['rc_1'] },
  ]

  it.each(releaseForms)('releaseResource %o', async (form) => {
    api.on(BILLING, { body: billing() })
    api.on(`POST ${CLAIMS}/release`, { body: { releasedClaims: [claim('rc_1')], usage } })
    const answer = await server().releaseResource({
      resourceSlug: 'seats',
      subscriptionId: 'sub_1',
      ...form,
    })
    expect(answer).toEqual({ releasedClaims: [claim('rc_1')], usage })
    expect(resourceCalls().map((call) => call.body)).toEqual([{ resourceSlug: 'seats', ...form }])
  })

  it('a claim by quantity is sent once (a retry could claim twice); by external id it is retried', async () => {
    const unavailable = { status: 503, body: {}, headers: { 'retry-after-ms': '0' } }
    api.on(BILLING, { body: billing() })
    api.on(`POST ${CLAIMS}/claim`, unavailable)
    api.on(`POST ${CLAIMS}/release`, unavailable)
    const flowglad = server(2)
    await expect(flowglad.claimResource({ resourceSlug: 'seats', quantity: 1 })).rejects.toThrow()
    await expect(flowglad.releaseResource({ resourceSlug: 'seats', quantity: 1 })).rejects.toThrow()
    expect(resourceCalls()).toHaveLength(2)
    await expect(
      flowglad.claimResource({ resourceSlug: 'seats', externalId: 'a' }),
    ).rejects.toThrow()
    expect(resourceCalls()).toHaveLength(5)
    // An explicit per-call setting wins.
    await expect(
      flowglad.claimResource({ resourceSlug: 'seats', quantity: 1 }, { maxRetries: 1 }),
    ).rejects.toThrow()
    expect(resourceCalls()).toHaveLength(7)
  })
})

describe('subscription resolution and refusals', () => {
  const calls = (flowglad: FlowgladServer, subscriptionId?: string) => [
    () => flowglad.getResourceUsages({ subscriptionId }),
    () => flowglad.getResourceUsage({ resourceSlug: 'seats', subscriptionId }),
    () => flowglad.claimResource({ resourceSlug: 'seats', quantity: 1, subscriptionId }),
    () => flowglad.releaseResource({ resourceSlug: 'seats', claimIds: ['rc_1'], subscriptionId }),
    () => flowglad.listResourceClaims({ subscriptionId }),
  ]

  it('none or several current subscriptions without subscriptionId: missing_subscription_id', async () => {
    api.on(BILLING, { body: billing([]) })
    for (const call of calls(server())) {
      await expect(call()).rejects.toMatchObject({
        code: 'missing_subscription_id',
        message: 'No active subscription found for this customer',
      })
    }
    api.on(BILLING, { body: billing([subscription('sub_1'), subscription('sub_2')]) })
    for (const call of calls(server())) {
      await expect(call()).rejects.toMatchObject({
        code: 'missing_subscription_id',
        message: 'Customer has multiple active subscriptions. Please specify subscriptionId.',
      })
    }
    expect(resourceCalls()).toEqual([])
  })

  it('another customer subscription is forbidden on every method, nothing sent', async () => {
    api.on(BILLING, { body: billing() })
    api.on('GET /api/v1/subscriptions/sub_of_b', {
      body: { subscription: subscription('sub_of_b', { customerId: 'cust_b' }) },
    })
    for (const call of calls(server(), 'sub_of_b')) {
      await expect(call()).rejects.toMatchObject({ code: 'forbidden' })
    }
    expect(resourceCalls()).toEqual([])
  })

  it('bad input is validation_error before any request', async () => {
    const flowglad = server()
    const bad = [
      () => flowglad.claimResource({ resourceSlug: 'seats' } as never),
      () =>
        flowglad.claimResource({ resourceSlug: 'seats', quantity: 1, externalId: 'a' } as never),
      () => flowglad.releaseResource({ resourceSlug: 'seats', quantity: 0 }),
      () => flowglad.getResourceUsage({} as never),
      () => flowglad.getResourceUsages({ subscriptionId: '' }),
      () => flowglad.listResourceClaims({ resourceSlug: 7 } as never),
    ]
    for (const call of bad) await expect(call()).rejects.toMatchObject({ code: 'validation_error' })
    expect(api.calls).toEqual([])
  })
})
