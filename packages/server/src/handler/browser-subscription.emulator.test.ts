import { describe, expect, it } from 'vitest'
import { createEmulatorApp } from '../../test/handler/emulator-app.js'

// The browser may start only a free plan with one seat; every billing lever is refused with
// 403 and the emulator's store is left exactly as it was (review case: defect 1 of issue 14).
function seats(app: ReturnType<typeof createEmulatorApp>, subscriptionId: string): number[] {
  return [...app.emulator.state.tables.subscriptionItems.values()]
    .filter((item) => item.subscriptionId === subscriptionId)
    .map((item) => item.quantity)
}

async function signedUpPair() {
  const app = createEmulatorApp()
  const a = await app.call('user_a', 'customers/billing')
  await app.call('user_b', 'customers/billing')
  const { tables } = app.emulator.state
  const snapshot = () =>
    JSON.stringify({
      subscriptions: [...tables.subscriptions.values()],
      customers: [...tables.customers.values()],
      checkoutSessions: [...tables.checkoutSessions.values()],
    })
  const balance = async (user: string) => {
    const { data } = await app.call(user, 'usage-meters/balances')
    return data.usageMeterBalances.find((meter: { slug: string }) => meter.slug === 'ai_tokens')
      ?.availableBalance as number
  }
  return { app, snapshot, balance, aCustomerId: a.data.customer.id as string }
}

describe('subscriptions/create from the browser, against the emulator', () => {
  it('refuses quantity 1000000 on the free price: no subscription, balance unchanged', async () => {
    const { app, snapshot, balance } = await signedUpPair()
    const before = snapshot()
    const tokens = await balance('user_a')
    const { status, error } = await app.call('user_a', 'subscriptions/create', {
      priceSlug: 'free',
      quantity: 1_000_000,
    })
    expect([status, error?.code]).toEqual([403, 'forbidden'])
    expect(error?.json.message).toMatch(/checkout/)
    expect(snapshot()).toBe(before)
    expect(await balance('user_a')).toBe(tokens)
  })

  it.each([
    ['a paid price', { priceSlug: 'pro_monthly' }],
    [
      'doNotCharge with a 10-year trial',
      { priceSlug: 'pro_monthly', doNotCharge: true, trialEnd: 0 },
    ],
    ['doNotCharge alone', { priceSlug: 'free', doNotCharge: true }],
    ['a trial', { priceSlug: 'free', trialEnd: 0 }],
    ['a start date', { priceSlug: 'free', startDate: '2030-01-01T00:00:00.000Z' }],
    ['an interval', { priceSlug: 'free', interval: 'year' }],
    ['an interval count', { priceSlug: 'free', intervalCount: 120 }],
    ['metadata', { priceSlug: 'free', metadata: { tier: 'gold' } }],
    ['a default payment method', { priceSlug: 'free', defaultPaymentMethodId: 'pm_x' }],
    ['a backup payment method', { priceSlug: 'free', backupPaymentMethodId: 'pm_x' }],
  ])('refuses %s with 403 forbidden and changes nothing', async (_name, body) => {
    const { app, snapshot } = await signedUpPair()
    const trialEnd = Date.now() + 10 * 365 * 24 * 3_600_000
    const input = 'trialEnd' in body ? { ...body, trialEnd } : body
    const before = snapshot()
    const { status, error, data } = await app.call('user_a', 'subscriptions/create', input)
    expect([status, error?.code, data]).toEqual([403, 'forbidden', null])
    expect(error?.json.message).toMatch(/checkout/)
    expect(snapshot()).toBe(before)
  })

  it("refuses another customer's payment method id and stores nothing", async () => {
    const { app, snapshot } = await signedUpPair()
    const [paymentMethodOfB] = [...app.emulator.state.tables.paymentMethods.values()]
    const before = snapshot()
    const { status } = await app.call('user_a', 'subscriptions/create', {
      priceSlug: 'free',
      defaultPaymentMethodId: paymentMethodOfB?.id ?? 'pm_of_b',
    })
    expect(status).toBe(403)
    expect(snapshot()).toBe(before)
  })

  it('accepts the free price by slug and by id, one seat, for the asking customer', async () => {
    const { app, aCustomerId } = await signedUpPair()
    const bySlug = await app.call('user_a', 'subscriptions/create', { priceSlug: 'free' })
    expect(bySlug.status).toBe(200)
    expect(bySlug.data.subscription.customerId).toBe(aCustomerId)
    expect(seats(app, bySlug.data.subscription.id)).toEqual([1])
    const priceId = bySlug.data.subscription.priceId as string
    const byId = await app.call('user_a', 'subscriptions/create', { priceId, quantity: 1 })
    expect(byId.status).toBe(200)
    expect(seats(app, byId.data.subscription.id)).toEqual([1])
  })

  it('FlowgladServer.createSubscription (trusted server code) keeps every option', async () => {
    const { app } = await signedUpPair()
    const trialEnd = Date.now() + 30 * 24 * 3_600_000
    const { subscription } = await app.serverFor('user_a').createSubscription({
      priceSlug: 'pro_monthly',
      quantity: 3,
      trialEnd,
      doNotCharge: true,
    })
    expect(seats(app, subscription.id)).toEqual([3])
    expect(subscription.status).toBe('trialing')
  })
})
