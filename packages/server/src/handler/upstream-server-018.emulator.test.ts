import { requestHandler as upstreamRequestHandler } from 'upstream-server'
import { describe, expect, it } from 'vitest'
import {
  UPSTREAM_API_KEY as API_KEY,
  useUpstreamAgainstEmulator,
} from '../../test/upstream-emulator.js'

// Upstream's own published 0.18 server, pointed at our emulator: its REST client only uses the
// global fetch, so calls to the emulator's origin are routed to it for the test.
const API_ORIGIN = 'http://emulator-upstream.local'
const { harness, upstreamServer } = useUpstreamAgainstEmulator(API_ORIGIN)
const calls = harness.calls

const handle = upstreamRequestHandler<{ user: string | null }>({
  getCustomerExternalId: async (req) => {
    if (req.user === null) throw new Error('not signed in')
    return req.user
  },
  flowglad: async (id) => upstreamServer(id),
  apiKey: API_KEY,
  baseURL: API_ORIGIN,
})

describe('upstream @flowglad/server 0.18 against our emulator', () => {
  it('pricing-models/retrieve signed out: 200, the default model, one REST call', async () => {
    const result = await handle(
      { path: ['pricing-models', 'retrieve'], method: 'POST' as never, body: {} },
      { user: null },
    )
    expect(result.status).toBe(200)
    expect(result.data).toMatchObject({ source: 'default', pricingModel: { isDefault: true } })
    expect(calls).toEqual(['GET /api/v1/pricing-models/default'])
  })

  it('pricing-models/retrieve signed in: 200, the customer model', async () => {
    await upstreamServer('user_up').findOrCreateCustomer()
    const result = await handle(
      { path: ['pricing-models', 'retrieve'], method: 'POST' as never, body: {} },
      { user: 'user_up' },
    )
    expect(result.status).toBe(200)
    expect(result.data).toMatchObject({
      source: 'customer',
      pricingModel: { id: expect.any(String) },
    })
  })

  it('adjustSubscription and the subscriptions/adjust route complete', async () => {
    const server = upstreamServer('user_up')
    await server.findOrCreateCustomer()
    await server.createSubscription({ priceSlug: 'pro_monthly' })
    const adjusted = await server.adjustSubscription({ priceSlug: 'pro_monthly', quantity: 2 })
    expect(adjusted).toMatchObject({ isUpgrade: true, resolvedTiming: 'immediately' })
    const result = await handle(
      {
        path: ['subscriptions', 'adjust'],
        method: 'POST' as never,
        body: { priceSlug: 'pro_monthly', quantity: 3 },
      },
      { user: 'user_up' },
    )
    expect(result.status).toBe(200)
    expect(result.data).toMatchObject({ isUpgrade: true, subscriptionItems: [{ quantity: 3 }] })
    expect(calls.filter((call) => call.endsWith('/adjust'))).toHaveLength(2)
  })
})
