// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { billingFixture, subscriptionFixture } from '../test/billing-fixture.js'
import { envelope, errorEnvelope, routeFetch } from '../test/route-fetch.js'
import { createBillingActions } from './billing-actions.js'
import { createBillingClient } from './billing-client.js'

const urls = { successUrl: 'https://app.example/ok', cancelUrl: 'https://app.example/no' }
const session = () => envelope({ checkoutSession: { id: 'cs_1' }, url: 'https://pay.example/cs_1' })

function setup(answers: Parameters<typeof routeFetch>[0]) {
  const route = routeFetch({ 'customers/billing': () => envelope(billingFixture()), ...answers })
  const client = createBillingClient({ fetch: route.fetch, retryDelayMs: 0 })
  return { route, client, actions: createBillingActions(client) }
}

beforeEach(() => {
  window.location.href = 'http://localhost/'
})

describe('checkout creators', () => {
  it('createCheckoutSession strips autoRedirect and answers { id, url }', async () => {
    const { route, actions } = setup({ 'checkout-sessions/create': session })
    const result = await actions.createCheckoutSession({ ...urls, priceSlug: 'pro_monthly' })
    expect(result).toEqual({ id: 'cs_1', url: 'https://pay.example/cs_1' })
    expect(route.seen[0]?.body).toEqual({ ...urls, priceSlug: 'pro_monthly' })
    expect(window.location.href).toBe('http://localhost/')
  })

  it('redirects with autoRedirect', async () => {
    const { route, actions } = setup({ 'checkout-sessions/create': session })
    await actions.createCheckoutSession({ ...urls, priceSlug: 'pro_monthly', autoRedirect: true })
    expect(route.seen[0]?.body).not.toHaveProperty('autoRedirect')
    expect(window.location.href).toBe('https://pay.example/cs_1')
  })

  it.each([
    ['createAddPaymentMethodCheckoutSession', 'checkout-sessions/create-add-payment-method'],
    ['createActivateSubscriptionCheckoutSession', 'checkout-sessions/create-activate-subscription'],
  ] as const)('%s posts to %s', async (name, key) => {
    const { route, actions } = setup({ [key]: session })
    const result = await actions[name]({ ...urls, targetSubscriptionId: 'sub_1' })
    expect(result).toEqual({ id: 'cs_1', url: 'https://pay.example/cs_1' })
    expect(route.seen[0]?.key).toBe(key)
  })

  it('requires absolute success and cancel URLs, without a request', async () => {
    const { route, actions } = setup({ 'checkout-sessions/create': session })
    const result = await actions.createCheckoutSession({
      successUrl: '/ok',
      cancelUrl: urls.cancelUrl,
      priceSlug: 'pro_monthly',
    })
    expect(result).toMatchObject({
      error: { code: 'validation_error', json: { message: 'successUrl must be an absolute URL' } },
    })
    expect(route.seen).toHaveLength(0)
  })

  it('passes a server error through', async () => {
    const error = { code: 'validation_error', json: { message: 'bad', issues: [] } }
    const { actions } = setup({ 'checkout-sessions/create': () => errorEnvelope(error, 400) })
    expect(await actions.createCheckoutSession({ ...urls, priceSlug: 'x' })).toEqual({ error })
  })
})

describe('cancel and uncancel', () => {
  it('return the subscription and reload billing on success', async () => {
    const canceled = subscriptionFixture('sub_1', { status: 'cancellation_scheduled' })
    const { route, actions } = setup({
      'subscriptions/cancel': () => envelope({ subscription: canceled }),
      'subscriptions/uncancel': () => envelope({ subscription: subscriptionFixture('sub_1') }),
    })
    const params = { id: 'sub_1', cancellation: { timing: 'immediately' } } as const
    expect(await actions.cancelSubscription(params)).toEqual({ subscription: canceled })
    expect(await actions.uncancelSubscription({ id: 'sub_1' })).toMatchObject({
      subscription: { status: 'active' },
    })
    expect(route.seen.map((request) => request.key)).toEqual([
      'subscriptions/cancel',
      'customers/billing',
      'subscriptions/uncancel',
      'customers/billing',
    ])
  })

  it('return the error and do not reload on failure', async () => {
    const error = { code: 'forbidden', json: { message: 'not yours' } }
    const { route, actions } = setup({ 'subscriptions/uncancel': () => errorEnvelope(error, 403) })
    expect(await actions.uncancelSubscription({ id: 'sub_x' })).toEqual({ error })
    expect(route.seen).toHaveLength(1)
  })
})
