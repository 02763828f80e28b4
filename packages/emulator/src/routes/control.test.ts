import { describe, expect, it } from 'vitest'
import { type Client, DAY, KEY, newCustomer, setup, txn } from '../../test/helpers.js'
import type { Emulator } from '../emulator.js'

function control(emulator: Emulator, method: string, path: string, body?: unknown, key = KEY) {
  return emulator.fetch(
    new Request(`http://emulator.local/_emulator${path}`, {
      method,
      headers: { authorization: key, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  )
}

async function session(api: Client, checkoutSession: Record<string, unknown>) {
  const res = await api.post('/checkout-sessions', {
    checkoutSession: {
      successUrl: 'https://app.test/ok',
      cancelUrl: 'https://app.test/no',
      ...checkoutSession,
    },
  })
  expect(res.status).toBe(200)
  return res.body as { checkoutSession: { id: string }; url: string }
}

const isActive = (period: { status: string }) => period.status === 'active'
const endDate = (period: { endDate: number }) => period.endDate

describe('control routes', () => {
  it('need the secret key', async () => {
    const { emulator } = setup({ secretKey: 'sk_test_only' })
    for (const [method, path] of [
      ['GET', '/state'],
      ['PUT', '/state'],
      ['POST', '/reset'],
      ['POST', '/clock'],
      ['POST', '/checkout-sessions/x/complete'],
    ] as const) {
      const res = await control(
        emulator,
        method,
        path,
        method === 'GET' ? undefined : {},
        'sk_test_other',
      )
      expect(res.status).toBe(401)
    }
    expect((await control(emulator, 'GET', '/clock', undefined, 'sk_test_only')).status).toBe(200)
  })

  it('state export → reset → import round-trips exactly', async () => {
    const { api, emulator } = setup()
    const { customer, subscriptionId } = await newCustomer(api, 'st1')
    await api.post('/usage-events', {
      usageEvent: {
        subscriptionId,
        amount: 12_345,
        transactionId: 't1',
        usageMeterSlug: 'ai_tokens',
      },
    })
    await api.post('/usage-events', {
      usageEvent: {
        subscriptionId,
        amount: 1,
        transactionId: txn(),
        usageMeterSlug: 'active_users',
        properties: { user: 'u1' },
      },
    })
    const { checkoutSession } = await session(api, {
      type: 'add_payment_method',
      customerExternalId: 'st1',
    })
    await control(emulator, 'POST', `/checkout-sessions/${checkoutSession.id}/complete`)
    emulator.clock.advance(40 * DAY) // an invoice and a second period
    await api.post('/subscriptions', { customerId: customer.id, priceSlug: 'pro_monthly' })

    const exported = await (await control(emulator, 'GET', '/state')).json()
    expect(exported.tables.invoices).toHaveLength(1)
    expect(exported.tables.usageEvents).toHaveLength(2)
    const billingBefore = (await api.get('/customers/st1/billing')).body
    const indexesBefore = emulator.state.indexes

    expect((await control(emulator, 'POST', '/reset')).status).toBe(200)
    expect(emulator.state.tables.customers.size).toBe(0)
    expect((await api.get('/customers/st1')).status).toBe(404)

    const put = await control(emulator, 'PUT', '/state', exported)
    expect(put.status).toBe(200)
    const again = await (await control(emulator, 'GET', '/state')).json()
    expect(again).toEqual(exported)
    expect(JSON.stringify(again)).toBe(JSON.stringify(exported))
    expect((await api.get('/customers/st1/billing')).body).toEqual(billingBefore)
    // The indexes rebuilt from the tables equal the ones maintained write by write.
    // `nextPeriodEnd` is only a lower bound when maintained (an early close leaves it low).
    const { nextPeriodEnd: rebuiltWatermark, ...rebuilt } = emulator.state.indexes
    const { nextPeriodEnd: watermark, ...maintained } = indexesBefore
    expect(rebuilt).toEqual(maintained)
    expect(watermark.at).toBeLessThanOrEqual(rebuiltWatermark.at)
    expect(rebuiltWatermark.at).toBe(
      Math.min(...exported.tables.billingPeriods.filter(isActive).map(endDate)),
    )
    // Indexes were rebuilt: idempotency and distinct counting still see the old events.
    const dup = await api.post('/usage-events', {
      usageEvent: {
        subscriptionId,
        amount: 12_345,
        transactionId: 't1',
        usageMeterSlug: 'ai_tokens',
      },
    })
    expect(dup.status).toBe(200)
    expect(emulator.state.tables.usageEvents.size).toBe(2)
  })

  it('the JS API round-trips too, and a bad snapshot is a 400 with issues', async () => {
    const { api, emulator } = setup()
    await newCustomer(api, 'st2')
    const snapshot = emulator.exportState()
    emulator.reset()
    emulator.importState(snapshot)
    expect(emulator.exportState()).toEqual(snapshot)
    const bad = await control(emulator, 'PUT', '/state', { version: 2, tables: {} })
    expect(bad.status).toBe(400)
    expect((await bad.json()).code).toBe('BAD_REQUEST')
    const notJson = await emulator.fetch(
      new Request('http://emulator.local/_emulator/state', {
        method: 'PUT',
        headers: { authorization: KEY },
        body: '{',
      }),
    )
    expect(notJson.status).toBe(400)
    expect(emulator.exportState()).toEqual(snapshot)
  })
})

describe('checkout completion by control route', () => {
  it('product: subscribes, ends the free plan as upgraded_to_paid, adds a card', async () => {
    const { api, emulator } = setup()
    const { subscriptionId: freeId } = await newCustomer(api, 'co1')
    const { checkoutSession, url } = await session(api, {
      type: 'product',
      customerExternalId: 'co1',
      priceSlug: 'pro_monthly',
    })
    expect(url).toBe(`http://emulator.local/checkout/${checkoutSession.id}`)
    const res = await control(emulator, 'POST', `/checkout-sessions/${checkoutSession.id}/complete`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.checkoutSession.status).toBe('succeeded')
    expect(body.subscription).toMatchObject({ status: 'active', current: true })
    const billing = (await api.get('/customers/co1/billing')).body
    expect(billing.currentSubscription.id).toBe(body.subscription.id)
    expect(billing.currentSubscription.defaultPaymentMethodId).toBe(body.paymentMethod.id)
    expect(billing.subscriptions.find((s: { id: string }) => s.id === freeId)).toMatchObject({
      status: 'canceled',
      cancellationReason: 'upgraded_to_paid',
      current: false,
    })
    expect(billing.paymentMethods).toEqual([
      expect.objectContaining({ type: 'card', default: true }),
    ])
    const again = await control(
      emulator,
      'POST',
      `/checkout-sessions/${checkoutSession.id}/complete`,
    )
    expect(again.status).toBe(400)
    const fetched = (await api.get(`/checkout-sessions/${checkoutSession.id}`)).body
    expect(fetched.checkoutSession.status).toBe('succeeded')
    expect(fetched.url).toBe(url)
  })

  it('product with a single_payment price: saves the card, records a purchase, no subscription', async () => {
    const { api, emulator } = setup()
    const { subscriptionId: freeId } = await newCustomer(api, 'co0')
    const pro = (await api.get('/products')).body.data.find(
      (p: { slug: string }) => p.slug === 'pro',
    )
    const setupFee = await api.post('/prices', {
      price: {
        type: 'single_payment',
        productId: pro.id,
        unitPrice: 900,
        isDefault: false,
        slug: 'pro_setup',
      },
    })
    expect(setupFee.status).toBe(200)
    const { checkoutSession } = await session(api, {
      type: 'product',
      customerExternalId: 'co0',
      priceSlug: 'pro_setup',
    })
    const done = await control(
      emulator,
      'POST',
      `/checkout-sessions/${checkoutSession.id}/complete`,
    )
    expect(done.status).toBe(200)
    const body = await done.json()
    expect(body.checkoutSession.status).toBe('succeeded')
    expect(body.subscription).toBeUndefined()
    const billing = (await api.get('/customers/co0/billing')).body
    expect(billing.currentSubscription.id).toBe(freeId)
    expect(billing.paymentMethods).toEqual([expect.objectContaining({ id: body.paymentMethod.id })])
    expect(body.purchase).toMatchObject({ priceType: 'single_payment', firstInvoiceValue: 900 })
    expect(billing.purchases).toEqual([body.purchase])
  })

  it('add_payment_method: adds a default card and attaches it to the target', async () => {
    const { api, emulator } = setup()
    const { customer } = await newCustomer(api, 'co2')
    const pro = (
      await api.post('/subscriptions', { customerId: customer.id, priceSlug: 'pro_monthly' })
    ).body.subscription
    const { checkoutSession } = await session(api, {
      type: 'add_payment_method',
      customerExternalId: 'co2',
      targetSubscriptionId: pro.id,
    })
    const body = await (
      await control(emulator, 'POST', `/checkout-sessions/${checkoutSession.id}/complete`)
    ).json()
    expect(body.paymentMethod).toMatchObject({ customerId: customer.id, default: true })
    expect(body.subscription).toBeUndefined()
    const sub = (await api.get(`/subscriptions/${pro.id}`)).body.subscription
    expect(sub.defaultPaymentMethodId).toBe(body.paymentMethod.id)
    const listed = (await api.get('/payment-methods')).body
    expect(listed.data.map((m: { id: string }) => m.id)).toEqual([body.paymentMethod.id])
    // A later invoice of a customer with a default card is paid.
    emulator.clock.advance(31 * DAY)
    const invoice = (await api.get('/customers/co2/billing')).body.invoices.find(
      (i: { invoice: { subscriptionId: string } }) => i.invoice.subscriptionId === pro.id,
    )
    expect(invoice.invoice.status).toBe('paid')
  })

  it('activate_subscription: activates a trialing target now', async () => {
    const { api, emulator } = setup()
    const { customer } = await newCustomer(api, 'co3')
    const trialing = (
      await api.post('/subscriptions', {
        customerId: customer.id,
        priceSlug: 'pro_monthly',
        trialEnd: emulator.clock.now() + 7 * DAY,
      })
    ).body.subscription
    expect(trialing.status).toBe('trialing')
    const { checkoutSession } = await session(api, {
      type: 'activate_subscription',
      customerExternalId: 'co3',
      targetSubscriptionId: trialing.id,
    })
    const body = await (
      await control(emulator, 'POST', `/checkout-sessions/${checkoutSession.id}/complete`)
    ).json()
    expect(body.subscription).toMatchObject({ id: trialing.id, status: 'active' })
    expect((await api.get(`/subscriptions/${trialing.id}`)).body.subscription).toMatchObject({
      status: 'active',
      defaultPaymentMethodId: body.paymentMethod.id,
      trialEnd: emulator.clock.now(),
    })
  })

  it('unknown and expired sessions', async () => {
    const { api, emulator } = setup()
    await newCustomer(api, 'co4')
    expect((await control(emulator, 'POST', '/checkout-sessions/nope/complete')).status).toBe(404)
    const { checkoutSession } = await session(api, {
      type: 'add_payment_method',
      customerExternalId: 'co4',
    })
    emulator.clock.advance(2 * DAY)
    const expired = await control(
      emulator,
      'POST',
      `/checkout-sessions/${checkoutSession.id}/complete`,
    )
    expect(expired.status).toBe(400)
    expect((await expired.json()).error).toMatch(/expired/)
    expect(() => emulator.completeCheckoutSession(checkoutSession.id)).toThrow(/expired/)
  })
})
