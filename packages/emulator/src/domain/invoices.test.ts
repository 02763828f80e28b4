import { describe, expect, it } from 'vitest'
import { type Client, DAY, KEY, newCustomer, setup, T0, txn } from '../../test/helpers.js'
import type { SeedInput } from '../seed/format.js'

const usage = (
  api: Client,
  subscriptionId: string,
  slug: string,
  amount: number,
  extra: { properties?: object; usageDate?: number } = {},
) =>
  api.post('/usage-events', {
    usageEvent: { subscriptionId, amount, transactionId: txn(), usageMeterSlug: slug, ...extra },
  })

interface Line {
  type: string
  description: string
  price: number
  quantity: number
  priceId: string
  ledgerAccountCredit: number | null
}

/** The customer's invoices from the billing response, with line items keyed by price slug. */
async function invoices(api: Client, externalId: string) {
  const billing = (await api.get(`/customers/${externalId}/billing`)).body
  const slugs = new Map<string, string>()
  for (const product of billing.pricingModel.products)
    for (const p of product.prices) slugs.set(p.id, p.slug)
  for (const meter of billing.pricingModel.usageMeters)
    for (const p of meter.prices) slugs.set(p.id, p.slug)
  return (billing.invoices as { invoice: Record<string, unknown>; invoiceLineItems: Line[] }[]).map(
    ({ invoice, invoiceLineItems }) => ({
      invoice,
      lines: Object.fromEntries(
        invoiceLineItems.map((l) => [slugs.get(l.priceId) ?? l.priceId, l]),
      ) as Record<string, Line>,
      total: invoiceLineItems.reduce((sum, l) => sum + l.price * l.quantity, 0),
    }),
  )
}

const FEB_15 = Date.UTC(2026, 1, 15)
const MAR_15 = Date.UTC(2026, 2, 15)

describe('end-of-period invoices', () => {
  it('sum meters: quantity = ceil(aggregate / usageEventsPerUnit), across two periods', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'inv1')
    await usage(api, subscriptionId, 'api_calls', 250)
    await usage(api, subscriptionId, 'api_calls', 1)
    expect(await invoices(api, 'inv1')).toEqual([])
    emulator.clock.set(FEB_15 + 1)
    await usage(api, subscriptionId, 'api_calls', 100)
    emulator.clock.set(MAR_15)
    const [first, second] = await invoices(api, 'inv1')
    expect(first?.invoice).toMatchObject({
      status: 'open',
      currency: 'USD',
      subscriptionId,
      billingPeriodStartDate: T0,
      billingPeriodEndDate: FEB_15,
      invoiceNumber: expect.stringMatching(/-0001$/),
    })
    // 251 calls at 1 cent per 100 → 3 units; the $0 free plan is listed too.
    expect(first?.lines.api_calls).toMatchObject({ type: 'usage', quantity: 3, price: 1 })
    expect(first?.lines.free).toMatchObject({ type: 'static', quantity: 1, price: 0 })
    expect(first?.total).toBe(3)
    expect(second?.invoice).toMatchObject({
      billingPeriodStartDate: FEB_15,
      billingPeriodEndDate: MAR_15,
    })
    expect(second?.lines.api_calls).toMatchObject({ quantity: 1, price: 1 })
    expect(second?.total).toBe(1)
  })

  it('sum meters with credit grants: credits cover usage first, the rest is billed', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'inv2')
    await usage(api, subscriptionId, 'ai_tokens', 15_500)
    emulator.clock.set(FEB_15)
    await usage(api, subscriptionId, 'ai_tokens', 4_000)
    emulator.clock.set(MAR_15)
    const [first, second] = await invoices(api, 'inv2')
    // 10,000 covered by the free grant, 5,500 billed at 1 cent per 1,000 → 6 units.
    expect(first?.lines.ai_tokens).toMatchObject({
      quantity: 6,
      price: 1,
      ledgerAccountCredit: 10_000,
    })
    expect(first?.total).toBe(6)
    // The grant renewed: 4,000 fully covered, nothing billed; the invoice is paid ($0).
    expect(second?.lines.ai_tokens).toMatchObject({ quantity: 0, ledgerAccountCredit: 4_000 })
    expect(second?.invoice.status).toBe('paid')
    expect(second?.total).toBe(0)
  })

  it('count_distinct_properties meters bill distinct property sets per period', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'inv3')
    for (const user of ['a', 'b', 'a']) {
      await usage(api, subscriptionId, 'active_users', 1, { properties: { user } })
    }
    emulator.clock.set(FEB_15)
    await usage(api, subscriptionId, 'active_users', 1, { properties: { user: 'a' } })
    emulator.clock.set(MAR_15)
    const [first, second] = await invoices(api, 'inv3')
    expect(first?.lines.active_users).toMatchObject({ quantity: 2, price: 500 })
    expect(first?.total).toBe(1_000)
    expect(second?.lines.active_users).toMatchObject({ quantity: 1, price: 500 })
    expect(second?.total).toBe(500)
  })

  it('count_distinct_properties meters with a credit grant', async () => {
    const seed: SeedInput = {
      name: 'Seats',
      usageMeters: [
        {
          slug: 'seats',
          name: 'Seats',
          aggregationType: 'count_distinct_properties',
          prices: [{ slug: 'seat', unitPrice: 300, usageEventsPerUnit: 1 }],
        },
      ],
      features: [
        {
          type: 'usage_credit_grant',
          slug: 'one_seat',
          name: 'One free seat',
          amount: 1,
          usageMeterSlug: 'seats',
          renewalFrequency: 'every_billing_period',
        },
      ],
      products: [
        {
          slug: 'team',
          name: 'Team',
          default: true,
          features: ['one_seat'],
          prices: [{ type: 'subscription', slug: 'team', unitPrice: 0 }],
        },
      ],
    }
    const { api, emulator } = setup({ seed })
    const { subscriptionId } = await newCustomer(api, 'inv4')
    for (const user of ['a', 'b', 'c', 'b']) {
      await usage(api, subscriptionId, 'seats', 1, { properties: { user } })
    }
    emulator.clock.set(FEB_15)
    await usage(api, subscriptionId, 'seats', 1, { properties: { user: 'z' } })
    emulator.clock.set(MAR_15)
    const [first, second] = await invoices(api, 'inv4')
    expect(first?.lines.seat).toMatchObject({ quantity: 2, price: 300, ledgerAccountCredit: 1 })
    expect(first?.total).toBe(600)
    expect(second?.lines.seat).toMatchObject({ quantity: 0, ledgerAccountCredit: 1 })
    expect(second?.total).toBe(0)
  })

  it('a paid plan bills its recurring price with the usage', async () => {
    const { api, emulator } = setup()
    const { customer } = await newCustomer(api, 'inv5')
    const pro = (
      await api.post('/subscriptions', { customerId: customer.id, priceSlug: 'pro_monthly' })
    ).body.subscription
    await usage(api, pro.id, 'api_calls', 1_000)
    emulator.clock.set(FEB_15)
    const all = await invoices(api, 'inv5')
    const proInvoice = all.find((i) => i.invoice.subscriptionId === pro.id)
    expect(proInvoice?.lines.pro_monthly).toMatchObject({
      type: 'static',
      quantity: 1,
      price: 2_000,
    })
    expect(proInvoice?.lines.api_calls).toMatchObject({ quantity: 10, price: 1 })
    expect(proInvoice?.total).toBe(2_010)
  })

  it('recurring lines name their own plan and days when periods share their bounds', async () => {
    // Descriptions are memoised by period bounds: same dates, different names must not mix.
    const { api, emulator } = setup()
    await newCustomer(api, 'inv5b') // stays on the free plan
    const { customer } = await newCustomer(api, 'inv5c')
    await api.post('/subscriptions', { customerId: customer.id, priceSlug: 'pro_monthly' })
    emulator.clock.set(MAR_15)
    const { subscriptionItems, invoiceLineItems, invoices: rows } = emulator.state.tables
    const itemName = new Map<string, string | null>()
    for (const item of subscriptionItems.values()) itemName.set(item.priceId ?? '', item.name)
    const seen = new Set<string>()
    for (const line of invoiceLineItems.values()) {
      if (line.type !== 'static') continue
      const invoice = rows.get(line.invoiceId)
      const start = new Date(invoice?.billingPeriodStartDate ?? 0).toISOString().slice(0, 10)
      const end = new Date(invoice?.billingPeriodEndDate ?? 0).toISOString().slice(0, 10)
      const name = itemName.get(line.priceId ?? '') ?? 'Subscription'
      expect(line.description).toBe(`${name} (${start} – ${end})`)
      seen.add(line.description ?? '')
    }
    // Two plans × two closed periods, four distinct descriptions.
    expect(seen.size).toBe(4)
  })

  it('usage sent with a usageDate in the previous period lands in the current one', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'inv6')
    await usage(api, subscriptionId, 'api_calls', 100)
    emulator.clock.set(FEB_15 + DAY)
    const late = await usage(api, subscriptionId, 'api_calls', 300, { usageDate: T0 + DAY })
    expect(late.status).toBe(200)
    expect(late.body.usageEvent.usageDate).toBe(T0 + DAY)
    emulator.clock.set(MAR_15)
    const [first, second] = await invoices(api, 'inv6')
    expect(first?.lines.api_calls?.quantity).toBe(1)
    expect(second?.lines.api_calls?.quantity).toBe(3)
    const secondPeriod = second?.invoice.billingPeriodId
    expect(emulator.state.tables.usageEvents.get(late.body.usageEvent.id)?.billingPeriodId).toBe(
      secondPeriod,
    )
  })

  it('one clock move closes several periods for every subscription, with no request', async () => {
    const { api, emulator } = setup()
    await newCustomer(api, 'inv7a')
    await newCustomer(api, 'inv7b')
    emulator.clock.advance(90 * DAY)
    // Closed eagerly by the clock move itself: 3 periods each, before any request.
    expect(emulator.state.tables.invoices.size).toBe(6)
    const list = await api.get('/invoices?limit=100')
    expect(list.status).toBe(200)
    expect(list.body.total).toBe(6)
    // List items are bare invoice records; one invoice comes with its line items.
    expect(list.body.data[0]).toEqual(
      expect.objectContaining({ id: expect.stringMatching(/^inv_/) }),
    )
    expect(list.body.data[0].invoiceLineItems).toBeUndefined()
    const one = await api.get(`/invoices/${list.body.data[0].id}`)
    expect(one.body).toEqual({
      invoice: list.body.data[0],
      invoiceLineItems: [expect.objectContaining({ type: 'static' })],
    })
    expect((await api.get('/invoices/inv_nope')).status).toBe(404)
    const periods = (await invoices(api, 'inv7a')).map((i) => i.invoice.billingPeriodEndDate)
    expect(periods).toEqual([FEB_15, MAR_15, Date.UTC(2026, 3, 15)])
  })

  it('POST /_emulator/clock moves time over HTTP and closes periods', async () => {
    const { api, emulator } = setup()
    await newCustomer(api, 'inv8')
    const control = (body: unknown, key: string | null = KEY) =>
      emulator.fetch(
        new Request('http://emulator.local/_emulator/clock', {
          method: 'POST',
          headers: key ? { authorization: key } : {},
          body: JSON.stringify(body),
        }),
      )
    expect((await control({ advanceMs: DAY }, null)).status).toBe(401)
    const moved = await control({ advanceMs: 31 * DAY })
    expect(moved.status).toBe(200)
    expect(await moved.json()).toEqual({ now: T0 + 31 * DAY })
    expect((await invoices(api, 'inv8')).length).toBe(1)
    const to = await control({ to: new Date(Date.UTC(2026, 3, 16)).toISOString() })
    expect(await to.json()).toEqual({ now: Date.UTC(2026, 3, 16) })
    expect((await invoices(api, 'inv8')).length).toBe(3)
    expect((await control({ to: T0 })).status).toBe(400)
    expect((await control({ advanceMs: -1 })).status).toBe(400)
    expect((await control({ advanceMs: 1, to: 1 })).status).toBe(400)
  })

  it('cancellation_scheduled ends at the period end; immediately cancels now', async () => {
    const { api, emulator } = setup()
    const { customer } = await newCustomer(api, 'inv9')
    const pro = (
      await api.post('/subscriptions', { customerId: customer.id, priceSlug: 'pro_monthly' })
    ).body.subscription
    const scheduled = await api.post(`/subscriptions/${pro.id}/cancel`, {
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    expect(scheduled.body.subscription.status).toBe('cancellation_scheduled')
    emulator.clock.set(FEB_15 - 1)
    expect((await api.get(`/subscriptions/${pro.id}`)).body.subscription.status).toBe(
      'cancellation_scheduled',
    )
    emulator.clock.set(FEB_15)
    const ended = (await api.get(`/subscriptions/${pro.id}`)).body.subscription
    expect(ended).toMatchObject({ status: 'canceled', canceledAt: FEB_15 })
    expect(
      (await invoices(api, 'inv9')).filter((i) => i.invoice.subscriptionId === pro.id),
    ).toEqual([expect.objectContaining({ total: 2_000 })])
    emulator.clock.set(Date.UTC(2026, 5, 1))
    expect(
      (await invoices(api, 'inv9')).filter((i) => i.invoice.subscriptionId === pro.id),
    ).toHaveLength(1)

    const second = (
      await api.post('/subscriptions', { customerId: customer.id, priceSlug: 'pro_monthly' })
    ).body.subscription
    await usage(api, second.id, 'api_calls', 200)
    const now = emulator.clock.now()
    const canceled = await api.post(`/subscriptions/${second.id}/cancel`, {
      cancellation: { timing: 'immediately' },
    })
    expect(canceled.body.subscription).toMatchObject({ status: 'canceled', canceledAt: now })
    const final = (await invoices(api, 'inv9')).find((i) => i.invoice.subscriptionId === second.id)
    // An early close bills the usage so far, not the recurring price.
    expect(final?.invoice.billingPeriodEndDate).toBe(now)
    expect(Object.keys(final?.lines ?? {})).toEqual(['api_calls'])
    expect(final?.total).toBe(2)
  })
})

describe('line items of invoices stored after a read', () => {
  it('every invoice lists its own lines, read before, between and after later closes', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'lazy1')
    await usage(api, subscriptionId, 'api_calls', 250)
    emulator.clock.set(FEB_15)
    // The first read indexes the lines stored so far; the next closes store more after it.
    const [first] = await invoices(api, 'lazy1')
    expect(first?.lines.api_calls?.quantity).toBe(3)
    await usage(api, subscriptionId, 'api_calls', 101)
    emulator.clock.set(MAR_15)
    await usage(api, subscriptionId, 'api_calls', 1)
    emulator.clock.set(Date.UTC(2026, 3, 15))
    const all = await invoices(api, 'lazy1')
    expect(all.map((entry) => entry.lines.api_calls?.quantity)).toEqual([3, 2, 1])
    for (const { invoice, lines } of all) {
      expect(Object.keys(lines).sort()).toEqual(['api_calls', 'free'])
      const fetched = (await api.get(`/invoices/${invoice.id}`)).body
      expect(fetched.invoiceLineItems.map((l: Line) => l.quantity).sort()).toEqual(
        Object.values(lines)
          .map((l) => l.quantity)
          .sort(),
      )
    }
  })
})
