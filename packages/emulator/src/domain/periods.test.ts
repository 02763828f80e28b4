import { describe, expect, it } from 'vitest'
import { DAY, newCustomer, setup, T0, txn } from '../../test/helpers.js'
import { addInterval } from './periods.js'

describe('addInterval', () => {
  it('adds calendar months from the anchor, clamping short months', () => {
    const jan31 = Date.UTC(2026, 0, 31, 12)
    expect(addInterval(jan31, 'month', 1)).toBe(Date.UTC(2026, 1, 28, 12))
    expect(addInterval(jan31, 'month', 2)).toBe(Date.UTC(2026, 2, 31, 12))
    expect(addInterval(jan31, 'year', 1)).toBe(Date.UTC(2027, 0, 31, 12))
    expect(addInterval(jan31, 'week', 2)).toBe(jan31 + 14 * DAY)
    expect(addInterval(jan31, 'day', 3)).toBe(jan31 + 3 * DAY)
    expect(addInterval(Date.UTC(2024, 1, 29), 'year', 1)).toBe(Date.UTC(2025, 1, 28))
  })

  it('keeps the time of day and tells anchors apart when they alternate', () => {
    // The anchor's parts are memoised: alternating anchors must not reuse each other's.
    const a = Date.UTC(2026, 0, 31, 23, 59, 58, 7)
    const b = Date.UTC(1969, 11, 30, 1, 2, 3, 4)
    for (let count = 1; count <= 14; count++) {
      expect(addInterval(a, 'month', count)).toBe(referenceMonths(a, count))
      expect(addInterval(b, 'month', count)).toBe(referenceMonths(b, count))
      expect(addInterval(a, 'year', count)).toBe(referenceMonths(a, count * 12))
    }
  })

  it('matches Date month arithmetic for every month end of two centuries, period after period', () => {
    // Days per month are computed, not asked of `Date`, and the previous answer is reused:
    // walk each anchor's periods in order (n - 1 then n, as opening a period does).
    for (let year = 2000; year < 2200; year += 7) {
      for (const day of [28, 29, 30, 31]) {
        const anchor = Date.UTC(year, year % 12, day, 6, 30)
        for (let count = 1; count <= 30; count++) {
          expect(addInterval(anchor, 'month', count - 1)).toBe(referenceMonths(anchor, count - 1))
          expect(addInterval(anchor, 'month', count)).toBe(referenceMonths(anchor, count))
        }
        expect(addInterval(anchor, 'year', 4)).toBe(referenceMonths(anchor, 48))
      }
    }
  })
})

/** Months added field by field with `Date`, the way the emulator did before memoising. */
function referenceMonths(anchor: number, months: number): number {
  const date = new Date(anchor)
  const month = date.getUTCMonth() + months
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), month + 1, 0)).getUTCDate()
  return Date.UTC(
    date.getUTCFullYear(),
    month,
    Math.min(date.getUTCDate(), lastDay),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  )
}

describe('billing periods', () => {
  it('every subscription has monthly periods that roll over with the clock', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'p1')
    const sub = (await api.get(`/subscriptions/${subscriptionId}`)).body.subscription
    expect(sub.currentBillingPeriodStart).toBe(T0)
    expect(sub.currentBillingPeriodEnd).toBe(Date.UTC(2026, 1, 15))
    emulator.clock.set(Date.UTC(2026, 2, 20))
    const later = (await api.get(`/subscriptions/${subscriptionId}`)).body.subscription
    expect(later.currentBillingPeriodStart).toBe(Date.UTC(2026, 2, 15))
    expect(later.currentBillingPeriodEnd).toBe(Date.UTC(2026, 3, 15))
  })

  it('attaches an event to the period current at request time, whatever its usageDate', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'p2')
    const post = (usageDate: number) =>
      api.post('/usage-events', {
        usageEvent: {
          subscriptionId,
          amount: 1,
          transactionId: txn(),
          usageMeterSlug: 'ai_tokens',
          usageDate,
        },
      })
    const inFirst = (await post(T0 + 100 * DAY)).body.usageEvent
    emulator.clock.advance(40 * DAY)
    const inSecond = (await post(T0 - 365 * DAY)).body.usageEvent
    expect(inFirst.billingPeriodId).toMatch(/^billing_period_/)
    expect(inSecond.billingPeriodId).toMatch(/^billing_period_/)
    expect(inSecond.billingPeriodId).not.toBe(inFirst.billingPeriodId)
    expect(inFirst.usageDate).toBe(T0 + 100 * DAY)
    expect(inSecond.usageDate).toBe(T0 - 365 * DAY)
    const period = emulator.state.tables.billingPeriods.get(inSecond.billingPeriodId)
    expect(period?.startDate).toBeLessThanOrEqual(emulator.clock.now())
    expect(period?.endDate).toBeGreaterThan(emulator.clock.now())
  })

  it('a period is current from its start (inclusive) to its end (exclusive)', async () => {
    // Deliberately not the hosted rule (start < now ≤ end): with a frozen clock an event sent
    // at the instant a subscription starts would otherwise have no period.
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'p4')
    const periodOf = async () => {
      const res = await api.post('/usage-events', {
        usageEvent: {
          subscriptionId,
          amount: 1,
          transactionId: txn(),
          usageMeterSlug: 'ai_tokens',
        },
      })
      expect(res.status).toBe(200)
      return emulator.state.tables.billingPeriods.get(res.body.usageEvent.billingPeriodId)
    }
    const FEB_15 = Date.UTC(2026, 1, 15)
    expect(await periodOf()).toMatchObject({ index: 0, startDate: T0, endDate: FEB_15 })
    emulator.clock.set(FEB_15 - 1)
    expect(await periodOf()).toMatchObject({ index: 0, endDate: FEB_15 })
    emulator.clock.set(FEB_15)
    expect(await periodOf()).toMatchObject({ index: 1, startDate: FEB_15 })
    // The first period was closed and invoiced at its end with the two events sent before it.
    const [invoice] = emulator.state.tables.invoices.values()
    expect(invoice?.billingPeriodEndDate).toBe(FEB_15)
  })

  it('count_distinct_properties needs non-empty properties and a current period', async () => {
    const { api, emulator } = setup()
    const { customer, subscriptionId } = await newCustomer(api, 'p3')
    const post = (subscription: string, properties?: Record<string, unknown> | null) =>
      api.post('/usage-events', {
        usageEvent: {
          subscriptionId: subscription,
          amount: 1,
          transactionId: txn(),
          usageMeterSlug: 'active_users',
          properties,
        },
      })
    for (const props of [undefined, null, {}]) {
      const res = await post(subscriptionId, props)
      expect(res.status).toBe(400)
      expect(res.body.error).toMatch(/^Invalid properties: /)
    }
    expect((await post(subscriptionId, { user: 'a' })).status).toBe(200)
    // A canceled subscription has no current period: 400 for distinct, null period for sum.
    const pro = (
      await api.post('/subscriptions', { customerId: customer.id, priceSlug: 'pro_monthly' })
    ).body.subscription
    await api.post(`/subscriptions/${pro.id}/cancel`, { cancellation: { timing: 'immediately' } })
    emulator.clock.advance(1)
    const noPeriod = await post(pro.id, { user: 'a' })
    expect(noPeriod.status).toBe(400)
    expect(noPeriod.body.error).toMatch(/^Invalid billingPeriod: /)
    const sum = await api.post('/usage-events', {
      usageEvent: {
        subscriptionId: pro.id,
        amount: 1,
        transactionId: txn(),
        usageMeterSlug: 'ai_tokens',
      },
    })
    expect(sum.status).toBe(200)
    expect(sum.body.usageEvent.billingPeriodId).toBeNull()
  })
})
