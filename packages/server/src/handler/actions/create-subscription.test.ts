import { describe, expect, it } from 'vitest'
import { createFakeFlowglad } from '../../../test/handler/fake-flowglad.js'
import { jsonPost, readEnvelope } from '../../../test/handler/requests.js'
import { createFlowgladHandler } from '../create-flowglad-handler.js'

function setup() {
  const server = createFakeFlowglad('user_a')
  const handler = createFlowgladHandler({
    getCustomerExternalId: () => 'user_a',
    flowglad: () => server,
  })
  const post = async (body: unknown) => {
    const response = await handler(jsonPost('subscriptions/create', body))
    return { status: response.status, ...(await readEnvelope(response)) }
  }
  const created = () => server.calls.filter((call) => call.method === 'createSubscription')
  return { server, post, created }
}

describe('subscriptions/create from the browser', () => {
  it.each([
    { priceSlug: 'free' },
    { priceId: 'price_free' },
    { priceSlug: 'free', quantity: 1 },
    { priceSlug: 'free', doNotCharge: false },
    { priceSlug: 'free', name: 'My plan' },
  ])('starts a free plan with one seat: %j', async (body) => {
    const { post, created } = setup()
    const { status, error } = await post(body)
    expect(error).toBeNull()
    expect(status).toBe(200)
    expect(created()).toMatchObject([{ args: [{ ...body, quantity: 1 }] }])
  })

  it.each([
    ['trialEnd', { trialEnd: Date.now() + 315_360_000_000 }],
    ['startDate', { startDate: '2030-01-01T00:00:00.000Z' }],
    ['interval', { interval: 'year' }],
    ['intervalCount', { intervalCount: 12 }],
    ['metadata', { metadata: { plan: 'x' } }],
    ['defaultPaymentMethodId', { defaultPaymentMethodId: 'pm_of_b' }],
    ['backupPaymentMethodId', { backupPaymentMethodId: 'pm_of_b' }],
    ['doNotCharge', { doNotCharge: true }],
  ])('refuses %s with 403 forbidden pointing at checkout, before any API call', async (field, extra) => {
    const { post, server } = setup()
    const { status, error } = await post({ priceSlug: 'free', ...extra })
    expect(status).toBe(403)
    expect(error?.code).toBe('forbidden')
    expect(error?.json.message).toContain(field)
    expect(error?.json.message).toMatch(/checkout/)
    expect(server.calls).toEqual([])
  })

  it.each([2, 1_000_000])('refuses quantity %d', async (quantity) => {
    const { post, created } = setup()
    const { status, error } = await post({ priceSlug: 'free', quantity })
    expect([status, error?.code]).toEqual([403, 'forbidden'])
    expect(error?.json.message).toMatch(/quantity 1.*checkout/)
    expect(created()).toEqual([])
  })

  it.each([
    { priceSlug: 'pro_monthly' },
    { priceId: 'price_pro_monthly' },
    { priceSlug: 'ai_tokens_price' },
  ])('refuses a paid or usage-billed price: %j', async (body) => {
    const { post, created } = setup()
    const { status, error } = await post(body)
    expect([status, error?.code]).toEqual([403, 'forbidden'])
    expect(error?.json.message).toMatch(/free price.*checkout/)
    expect(created()).toEqual([])
  })

  it('answers 404 for a price outside the customer pricing model', async () => {
    const { post, created } = setup()
    const { status, error } = await post({ priceSlug: 'nope' })
    expect([status, error?.code]).toEqual([404, 'not_found'])
    expect(created()).toEqual([])
  })
})
