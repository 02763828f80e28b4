import { describe, expect, it } from 'vitest'
import { DAY, newCustomer, setup, txn } from '../../test/helpers.js'
import { messagesBalance, productCheckout, purchaseSeed } from '../../test/purchase-seed.js'

async function buyTopUp(externalId: string, quantity?: number) {
  const { api, emulator } = setup({ seed: purchaseSeed })
  const { subscriptionId } = await newCustomer(api, externalId)
  const session = await productCheckout(api, externalId, 'top_up', quantity)
  expect(session.status).toBe(200)
  const result = emulator.completeCheckoutSession(session.body.checkoutSession.id)
  return { api, emulator, subscriptionId, result, sessionId: session.body.checkoutSession.id }
}

describe('single payments are purchases', () => {
  it('records a paid purchase, readable at GET /purchases/{id} and in billing', async () => {
    const { api, result, sessionId } = await buyTopUp('p1')
    const purchase = result.purchase
    expect(purchase).toMatchObject({
      status: 'paid',
      priceType: 'single_payment',
      name: '100 messages',
      quantity: 1,
      firstInvoiceValue: 10_000,
      totalPurchaseValue: 10_000,
    })
    const read = await api.get(`/purchases/${purchase?.id}`)
    expect(read.status).toBe(200)
    expect(read.body.purchase).toEqual(purchase)
    const billing = await api.get('/customers/p1/billing')
    expect(billing.body.purchases).toEqual([purchase])
    const session = await api.get(`/checkout-sessions/${sessionId}`)
    expect(session.body.checkoutSession).toMatchObject({
      status: 'succeeded',
      purchaseId: purchase?.id,
    })
  })

  it('creates a paid purchase invoice with one line, and a succeeded card payment', async () => {
    const { api, result } = await buyTopUp('p2', 2)
    const billing = (await api.get('/customers/p2/billing')).body
    const invoices = billing.invoices.filter(
      (entry: { invoice: { type: string } }) => entry.invoice.type === 'purchase',
    )
    expect(invoices).toHaveLength(1)
    const [{ invoice, invoiceLineItems }] = invoices
    expect(invoice).toMatchObject({
      status: 'paid',
      purchaseId: result.purchase?.id,
      subscriptionId: null,
      billingPeriodId: null,
      subtotal: 20_000,
    })
    expect(invoiceLineItems).toEqual([
      expect.objectContaining({ type: 'static', price: 10_000, quantity: 2 }),
    ])
    const payments = (await api.get('/payments')).body
    expect(payments.data).toEqual([
      expect.objectContaining({
        invoiceId: invoice.id,
        purchaseId: result.purchase?.id,
        amount: 20_000,
        status: 'succeeded',
        paymentMethodId: result.paymentMethod.id,
      }),
    ])
    const one = await api.get(`/payments/${payments.data[0].id}`)
    expect(one.body.payment).toEqual(payments.data[0])
  })

  it('a once grant raises the meter balance of the current subscription at once', async () => {
    const { api, emulator } = setup({ seed: purchaseSeed })
    const { subscriptionId } = await newCustomer(api, 'p3')
    expect(await messagesBalance(api, 'p3')).toBe(10)
    const session = await productCheckout(api, 'p3', 'top_up')
    emulator.completeCheckoutSession(session.body.checkoutSession.id)
    expect(await messagesBalance(api, 'p3')).toBe(110)
    const billing = (await api.get('/customers/p3/billing')).body
    expect(billing.currentSubscription.id).toBe(subscriptionId)
    const balance = billing.currentSubscription.experimental.usageMeterBalances.find(
      (m: { slug: string }) => m.slug === 'messages',
    )
    expect(balance.availableBalance).toBe(110)
  })

  it('the top-up outlives the period: only the period grant expires', async () => {
    const { api, emulator, subscriptionId } = await buyTopUp('p4')
    await api.post('/usage-events', {
      usageEvent: { subscriptionId, amount: 30, transactionId: txn(), usageMeterSlug: 'messages' },
    })
    expect(await messagesBalance(api, 'p4')).toBe(80)
    emulator.clock.advance(32 * DAY)
    // 30 used: 10 from the period grant, 20 from the top-up; 80 left, plus the new 10.
    expect(await messagesBalance(api, 'p4')).toBe(90)
    const billing = (await api.get('/customers/p4/billing')).body
    const periodInvoice = billing.invoices.find(
      (entry: { invoice: { type: string } }) => entry.invoice.type === 'subscription',
    )
    const usage = periodInvoice.invoiceLineItems.find((l: { type: string }) => l.type === 'usage')
    expect(usage).toMatchObject({ quantity: 0, ledgerAccountCredit: 30 })
  })

  it('quantity multiplies the grant', async () => {
    const { api } = await buyTopUp('p5', 3)
    expect(await messagesBalance(api, 'p5')).toBe(310)
  })

  it('sends purchase.completed naming the purchase, and payment.succeeded', async () => {
    const bodies: { eventType: string; data: { id: string } }[] = []
    const fetch = async (request: Request) => {
      bodies.push(JSON.parse(await request.text()))
      return new Response('ok')
    }
    const { api, emulator } = setup({ seed: purchaseSeed, webhooks: { fetch } })
    emulator.webhooks.register({ url: 'http://app.test/hooks' })
    await newCustomer(api, 'p6')
    const session = await productCheckout(api, 'p6', 'top_up')
    const { purchase } = emulator.completeCheckoutSession(session.body.checkoutSession.id)
    await emulator.webhooks.idle()
    const payment = [...emulator.state.tables.payments.values()][0]
    expect(bodies.find((b) => b.eventType === 'purchase.completed')?.data.id).toBe(purchase?.id)
    expect(bodies.find((b) => b.eventType === 'payment.succeeded')?.data.id).toBe(payment?.id)
  })

  it('purchases and payments survive a snapshot export and import', async () => {
    const { api, emulator, result } = await buyTopUp('p8')
    const snapshot = emulator.exportState()
    expect(snapshot.tables.purchases).toHaveLength(1)
    expect(snapshot.tables.payments).toHaveLength(1)
    emulator.reset()
    expect((await api.get('/customers/p8/billing')).status).toBe(404)
    emulator.importState(snapshot)
    const billing = (await api.get('/customers/p8/billing')).body
    expect(billing.purchases).toEqual([result.purchase])
    expect(await messagesBalance(api, 'p8')).toBe(110)
  })

  it('GET /purchases/{id} and /payments/{id} of unknown ids are 404', async () => {
    const { api } = setup({ seed: purchaseSeed })
    for (const path of ['/purchases/prch_nope', '/payments/pym_nope']) {
      const res = await api.get(path)
      expect(res.status).toBe(404)
      expect(res.body.code).toBe('NOT_FOUND')
    }
  })

  it('a subscription checkout records no purchase', async () => {
    const { api, emulator } = setup({ seed: purchaseSeed })
    await newCustomer(api, 'p7')
    const session = await productCheckout(api, 'p7', 'pro_monthly')
    const result = emulator.completeCheckoutSession(session.body.checkoutSession.id)
    expect(result.purchase).toBeUndefined()
    expect((await api.get('/customers/p7/billing')).body.purchases).toEqual([])
  })
})

describe('inactive prices and products cannot be bought', () => {
  it('a price of an inactive product: 400 BAD_REQUEST', async () => {
    const { api } = setup({ seed: purchaseSeed })
    await newCustomer(api, 'i1')
    const res = await productCheckout(api, 'i1', 'retired')
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'BAD_REQUEST' })
    expect(res.body.error).toMatch(/inactive/)
  })

  it('an inactive price: 400 BAD_REQUEST', async () => {
    const { api } = setup({ seed: purchaseSeed })
    const { customer } = await newCustomer(api, 'i2')
    const product = (await api.get('/customers/i2/billing')).body.pricingModel.products.find(
      (p: { slug: string }) => p.slug === 'top_up',
    )
    const created = await api.post('/prices', {
      price: {
        type: 'single_payment',
        productId: product.id,
        slug: 'old_top_up',
        unitPrice: 9000,
        isDefault: false,
        active: false,
      },
    })
    expect(created.status).toBe(200)
    expect(customer.pricingModelId).toBe(created.body.price.pricingModelId)
    const res = await api.post('/checkout-sessions', {
      checkoutSession: {
        type: 'product',
        customerExternalId: 'i2',
        priceId: created.body.price.id,
        successUrl: 'https://app.test/ok',
        cancelUrl: 'https://app.test/no',
      },
    })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'BAD_REQUEST' })
    expect(res.body.error).toMatch(/is inactive/)
  })
})
