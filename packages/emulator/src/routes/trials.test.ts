import { describe, expect, it } from 'vitest'
import { type Client, DAY, newCustomer, setup, T0 } from '../../test/helpers.js'
import { messagesBalance, productCheckout, purchaseSeed } from '../../test/purchase-seed.js'
import type { Emulator } from '../emulator.js'

const TRIAL_END = T0 + 14 * DAY
/** 2026-02-28: one month after the trial's end (Jan 29). */
const FIRST_PAID_PERIOD_END = Date.UTC(2026, 1, 28)

interface InvoiceEntry {
  invoice: {
    type: string
    status: string
    billingPeriodStartDate: number | null
    billingPeriodEndDate: number | null
    subtotal: number
  }
  invoiceLineItems: { type: string; price: number; quantity: number }[]
}

/** The subscription's invoices with a non-zero total. */
async function charges(api: Client, externalId: string): Promise<InvoiceEntry[]> {
  const res = await api.get(`/customers/${externalId}/billing`)
  return res.body.invoices.filter((entry: InvoiceEntry) => entry.invoice.subtotal > 0)
}

async function subscribeThroughCheckout(externalId: string) {
  const { api, emulator } = setup({ seed: purchaseSeed })
  await newCustomer(api, externalId)
  const session = await productCheckout(api, externalId, 'pro_monthly')
  const { subscription } = emulator.completeCheckoutSession(session.body.checkoutSession.id)
  if (!subscription) throw new Error('checkout made no subscription')
  return { api, emulator, subscriptionId: subscription.id }
}

/** A Pro trial started with `POST /subscriptions`, so without a card. */
async function trialWithoutCard(externalId: string) {
  const { api, emulator } = setup({ seed: purchaseSeed })
  const { customer } = await newCustomer(api, externalId)
  const res = await api.post('/subscriptions', {
    customerId: customer.id,
    priceSlug: 'pro_monthly',
  })
  return { api, emulator, subscriptionId: res.body.subscription.id as string }
}

/** Opens and completes an `activate_subscription` checkout for the subscription. */
async function activate(
  { api, emulator }: { api: Client; emulator: Emulator },
  externalId: string,
  targetSubscriptionId: string,
) {
  const session = await api.post('/checkout-sessions', {
    checkoutSession: {
      type: 'activate_subscription',
      customerExternalId: externalId,
      targetSubscriptionId,
      successUrl: 'https://app.test/ok',
      cancelUrl: 'https://app.test/no',
    },
  })
  emulator.completeCheckoutSession(session.body.checkoutSession.id)
  return (await api.get(`/subscriptions/${targetSubscriptionId}`)).body.subscription
}

describe('trialPeriodDays', () => {
  it('checkout starts the subscription trialing until trialEnd, its first period', async () => {
    const { api, subscriptionId } = await subscribeThroughCheckout('t1')
    const { subscription } = (await api.get(`/subscriptions/${subscriptionId}`)).body
    expect(subscription).toMatchObject({
      status: 'trialing',
      trialEnd: TRIAL_END,
      currentBillingPeriodStart: T0,
      currentBillingPeriodEnd: TRIAL_END,
      billingCycleAnchorDate: TRIAL_END,
      current: true,
    })
  })

  it('grants the plan credits for the trial period', async () => {
    const { api } = await subscribeThroughCheckout('t2')
    expect(await messagesBalance(api, 't2')).toBe(1000)
  })

  it('charges nothing during the trial, then the plan price when it ends', async () => {
    const { api, emulator, subscriptionId } = await subscribeThroughCheckout('t3')
    emulator.clock.advance(14 * DAY - 1)
    expect((await api.get(`/subscriptions/${subscriptionId}`)).body.subscription.status).toBe(
      'trialing',
    )
    expect(await charges(api, 't3')).toEqual([])
    expect((await api.get('/payments')).body.data).toEqual([])

    emulator.clock.advance(1)
    const { subscription } = (await api.get(`/subscriptions/${subscriptionId}`)).body
    expect(subscription).toMatchObject({
      status: 'active',
      currentBillingPeriodStart: TRIAL_END,
      currentBillingPeriodEnd: FIRST_PAID_PERIOD_END,
    })
    const [first, ...rest] = await charges(api, 't3')
    expect(rest).toEqual([])
    // In advance: the charge is for the first paid period, not for the trial.
    expect(first?.invoice).toMatchObject({
      status: 'paid',
      subtotal: 2000,
      billingPeriodStartDate: TRIAL_END,
      billingPeriodEndDate: FIRST_PAID_PERIOD_END,
    })
    expect(first?.invoiceLineItems).toEqual([
      expect.objectContaining({ type: 'static', price: 2000, quantity: 1 }),
    ])
    const payments = (await api.get('/payments')).body.data
    expect(payments).toEqual([
      expect.objectContaining({ amount: 2000, status: 'succeeded', subscriptionId }),
    ])
    // The trial period's grant expired and the first paid period's was issued.
    expect(await messagesBalance(api, 't3')).toBe(1000)
  })

  it('then bills each period once, at its start', async () => {
    const { api, emulator } = await subscribeThroughCheckout('t4')
    emulator.clock.set(FIRST_PAID_PERIOD_END)
    const recurring = (await charges(api, 't4')).flatMap((entry) =>
      entry.invoiceLineItems.filter((line) => line.type === 'static'),
    )
    expect(recurring.map((line) => line.price)).toEqual([2000, 2000])
  })

  it('POST /subscriptions defaults trialEnd to startDate + trialPeriodDays', async () => {
    const { api } = setup({ seed: purchaseSeed })
    const { customer } = await newCustomer(api, 't5')
    const res = await api.post('/subscriptions', {
      customerId: customer.id,
      priceSlug: 'pro_monthly',
    })
    expect(res.body.subscription).toMatchObject({ status: 'trialing', trialEnd: TRIAL_END })
    const explicit = await api.post('/subscriptions', {
      customerId: customer.id,
      priceSlug: 'pro_monthly',
      trialEnd: T0 + 3 * DAY,
    })
    expect(explicit.body.subscription).toMatchObject({
      status: 'trialing',
      trialEnd: T0 + 3 * DAY,
      currentBillingPeriodEnd: T0 + 3 * DAY,
    })
  })

  it('without a payment method the trial ends past_due, with an open invoice', async () => {
    const { api, emulator, subscriptionId } = await trialWithoutCard('t6')
    emulator.clock.set(TRIAL_END)
    const { subscription } = (await api.get(`/subscriptions/${subscriptionId}`)).body
    expect(subscription.status).toBe('past_due')
    const [invoice] = await charges(api, 't6')
    expect(invoice?.invoice.status).toBe('open')
    expect((await api.get('/payments')).body.data).toEqual([
      expect.objectContaining({ status: 'failed', amount: 2000 }),
    ])
  })

  it('an activate_subscription checkout ends the trial now and charges now', async () => {
    const trial = await trialWithoutCard('t8')
    trial.emulator.clock.advance(3 * DAY)
    const now = trial.emulator.clock.now()
    const subscription = await activate(trial, 't8', trial.subscriptionId)
    const { api } = trial
    expect(subscription).toMatchObject({
      status: 'active',
      trialEnd: now,
      billingCycleAnchorDate: now,
      currentBillingPeriodStart: now,
      currentBillingPeriodEnd: now + 31 * DAY, // Jan 18 → Feb 18
    })
    const [charge, ...rest] = await charges(api, 't8')
    expect(rest).toEqual([])
    expect(charge?.invoice).toMatchObject({ status: 'paid', billingPeriodStartDate: now })
    expect((await api.get('/payments')).body.data).toEqual([
      expect.objectContaining({ status: 'succeeded', amount: 2000 }),
    ])
    // The trial's credits were replaced by the first paid period's, not added to them.
    expect(await messagesBalance(api, 't8')).toBe(1000)
  })

  it('activated at the instant it starts, the trial period becomes the first paid one', async () => {
    const trial = await trialWithoutCard('t9')
    const { api, emulator } = trial
    const subscription = await activate(trial, 't9', trial.subscriptionId)
    expect(subscription).toMatchObject({
      status: 'active',
      currentBillingPeriodStart: T0,
      currentBillingPeriodEnd: Date.UTC(2026, 1, 15),
    })
    expect((await charges(api, 't9')).map((entry) => entry.invoice.subtotal)).toEqual([2000])
    emulator.clock.set(Date.UTC(2026, 1, 15))
    expect((await charges(api, 't9')).map((entry) => entry.invoice.subtotal)).toEqual([2000, 2000])
  })

  it('a trial canceled at its end is never charged', async () => {
    const { api, emulator, subscriptionId } = await subscribeThroughCheckout('t7')
    const cancel = await api.post(`/subscriptions/${subscriptionId}/cancel`, {
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    expect(cancel.body.subscription.cancelScheduledAt).toBe(TRIAL_END)
    emulator.clock.set(TRIAL_END + DAY)
    const { subscription } = (await api.get(`/subscriptions/${subscriptionId}`)).body
    expect(subscription.status).toBe('canceled')
    expect(await charges(api, 't7')).toEqual([])
  })
})

describe('checkout page', () => {
  async function pageText(priceSlug: string) {
    const { api, emulator } = setup({ seed: purchaseSeed })
    await newCustomer(api, 'page')
    const session = await productCheckout(api, 'page', priceSlug)
    const res = await emulator.fetch(new Request(session.body.url))
    return res.text()
  }

  it('says Buy, the amount and "one-time" for a single payment', async () => {
    const text = await pageText('top_up')
    expect(text).toContain('<button type="submit" class="primary">Buy</button>')
    expect(text).toContain('100.00 USD, one-time payment')
    expect(text).not.toContain('Subscribe')
  })

  it('says Subscribe, the amount, the interval and the trial for a subscription', async () => {
    const text = await pageText('pro_monthly')
    expect(text).toContain('<button type="submit" class="primary">Subscribe</button>')
    expect(text).toContain('20.00 USD per month')
    expect(text).toContain('14-day free trial')
  })
})
