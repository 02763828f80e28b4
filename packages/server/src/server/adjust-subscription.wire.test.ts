import { describe, expect, it } from 'vitest'
import { billing, customer, subscription } from '../../test/fixtures.js'
import { API_KEY, BASE_URL, useMockApi } from '../../test/mock-api.js'
import { FlowgladServer } from './flowglad-server.js'
import { OwnershipCache } from './ownership-cache.js'

const api = useMockApi()
const BILLING = 'GET /api/v1/customers/user_1/billing' as const
const ADJUST = 'POST /api/v1/subscriptions/sub_1/adjust' as const

function server() {
  return new FlowgladServer({
    customerExternalId: 'user_1',
    getCustomerDetails: async () => ({ name: 'Ada', email: 'ada@example.com' }),
    apiKey: API_KEY,
    baseURL: BASE_URL,
    maxRetries: 0,
    ownershipCache: new OwnershipCache(),
  })
}

const answer = {
  subscription: subscription('sub_1'),
  subscriptionItems: [],
  isUpgrade: true,
  resolvedTiming: 'immediately',
}

describe('adjustSubscription on the wire', () => {
  it('defaults: the only current subscription, timing auto, quantity 1, prorated', async () => {
    api.on(BILLING, { body: billing() })
    api.on(ADJUST, { body: answer })
    expect(await server().adjustSubscription({ priceSlug: 'pro_monthly' })).toEqual(answer)
    expect(api.routes()).toEqual([BILLING, ADJUST])
    expect(api.calls[1]?.body).toEqual({
      adjustment: {
        timing: 'auto',
        newSubscriptionItems: [{ priceSlug: 'pro_monthly', quantity: 1 }],
        prorateCurrentBillingPeriod: true,
      },
    })
  })

  it('subscriptionItems, prorate false; at the period end proration is left out', async () => {
    api.on(BILLING, { body: billing() })
    api.on(ADJUST, { body: answer })
    const flowglad = server()
    await flowglad.adjustSubscription({
      subscriptionItems: [{ priceId: 'price_a', quantity: 2 }, { priceSlug: 'addon' }],
      timing: 'immediately',
      prorate: false,
    })
    await flowglad.adjustSubscription({
      priceId: 'price_a',
      subscriptionId: 'sub_1',
      timing: 'at_end_of_current_billing_period',
      prorate: true,
    })
    const [first, second] = api.calls.filter((call) => call.method === 'POST')
    expect(first?.body).toEqual({
      adjustment: {
        timing: 'immediately',
        newSubscriptionItems: [
          { priceId: 'price_a', quantity: 2 },
          { priceSlug: 'addon', quantity: 1 },
        ],
        prorateCurrentBillingPeriod: false,
      },
    })
    expect(second?.body).toEqual({
      adjustment: {
        timing: 'at_end_of_current_billing_period',
        newSubscriptionItems: [{ priceId: 'price_a', quantity: 1 }],
      },
    })
  })

  it('none or several current subscriptions without subscriptionId: missing_subscription_id', async () => {
    api.on(BILLING, { body: billing([]) })
    await expect(server().adjustSubscription({ priceSlug: 'pro' })).rejects.toMatchObject({
      code: 'missing_subscription_id',
      message: 'No active subscription found for this customer',
    })
    api.on(BILLING, { body: billing([subscription('sub_1'), subscription('sub_2')]) })
    await expect(server().adjustSubscription({ priceSlug: 'pro' })).rejects.toMatchObject({
      code: 'missing_subscription_id',
      message:
        'Customer has multiple active subscriptions. Please specify subscriptionId in params.',
    })
    expect(api.routes().every((route) => route === BILLING)).toBe(true)
  })

  it('a subscription that is not the customer own is forbidden, nothing sent', async () => {
    api.on(BILLING, { body: billing() })
    await expect(
      server().adjustSubscription({ priceSlug: 'pro', subscriptionId: 'sub_of_b' }),
    ).rejects.toMatchObject({ code: 'forbidden' })
    expect(api.routes().some((route) => route.includes('/adjust'))).toBe(false)
  })

  it('bad input is validation_error before any request', async () => {
    await expect(
      server().adjustSubscription({ priceSlug: 'a', priceId: 'b' } as never),
    ).rejects.toMatchObject({ code: 'validation_error' })
    expect(api.calls).toEqual([])
  })
})

describe('archiveCustomer', () => {
  it('archives the session customer with POST {} and returns it', async () => {
    const archived = { ...customer(), archived: true }
    api.on('POST /api/v1/customers/user_1/archive', { body: { customer: archived } })
    expect(await server().archiveCustomer()).toEqual(archived)
    expect(await server().archiveCustomer('user_1')).toEqual(archived)
    expect(api.calls[0]?.body).toEqual({})
  })

  it('refuses another customer id, sending nothing', async () => {
    await expect(server().archiveCustomer('user_2')).rejects.toMatchObject({ code: 'forbidden' })
    expect(api.calls).toEqual([])
  })
})
