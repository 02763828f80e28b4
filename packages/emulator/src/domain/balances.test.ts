import { describe, expect, it } from 'vitest'
import { type Client, DAY, newCustomer, setup, txn } from '../../test/helpers.js'
import type { SeedInput } from '../seed/format.js'

async function balances(api: Client, externalId: string, subscriptionId?: string) {
  const query = subscriptionId ? `?subscriptionId=${subscriptionId}` : ''
  const res = await api.get(`/customers/${externalId}/usage-balances${query}`)
  expect(res.status).toBe(200)
  return Object.fromEntries(
    res.body.usageMeterBalances.map((b: { slug: string; availableBalance: number }) => [
      b.slug,
      b.availableBalance,
    ]),
  ) as Record<string, number>
}

const usage = (
  api: Client,
  subscriptionId: string,
  slug: string,
  amount: number,
  properties?: object,
) =>
  api.post('/usage-events', {
    usageEvent: { subscriptionId, amount, transactionId: txn(), usageMeterSlug: slug, properties },
  })

describe('balances', () => {
  it('sum debits the amount of each new event; the balance may go negative', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'bal1')
    expect(await balances(api, 'bal1')).toEqual({ ai_tokens: 10_000 })
    await usage(api, subscriptionId, 'ai_tokens', 4_000)
    expect((await balances(api, 'bal1')).ai_tokens).toBe(6_000)
    await usage(api, subscriptionId, 'ai_tokens', 7_500)
    expect((await balances(api, 'bal1')).ai_tokens).toBe(-1_500)
  })

  it('a meter appears once its account has an entry', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'bal2')
    expect(Object.keys(await balances(api, 'bal2'))).toEqual(['ai_tokens'])
    await usage(api, subscriptionId, 'api_calls', 3)
    expect(await balances(api, 'bal2')).toEqual({ ai_tokens: 10_000, api_calls: -3 })
  })

  it('count_distinct_properties debits the first event of each distinct property set per period', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'bal3')
    await usage(api, subscriptionId, 'active_users', 1, { user: 'a', plan: { tier: 1, x: [1, 2] } })
    await usage(api, subscriptionId, 'active_users', 1, { plan: { x: [1, 2], tier: 1 }, user: 'a' })
    await usage(api, subscriptionId, 'active_users', 1, { user: 'b' })
    const stored = emulator.state.tables.usageEvents.size
    expect(stored).toBe(3)
    expect((await balances(api, 'bal3')).active_users).toBe(-2)
    emulator.clock.advance(31 * DAY)
    // The period's 2 distinct users were invoiced and settled: the new period starts at 0.
    expect((await balances(api, 'bal3')).active_users).toBe(0)
    await usage(api, subscriptionId, 'active_users', 1, { user: 'a', plan: { tier: 1, x: [1, 2] } })
    expect((await balances(api, 'bal3')).active_users).toBe(-1)
    // Array order does matter: [2, 1] is a different set.
    await usage(api, subscriptionId, 'active_users', 1, { user: 'a', plan: { tier: 1, x: [2, 1] } })
    expect((await balances(api, 'bal3')).active_users).toBe(-2)
  })

  it('every_billing_period grants renew each period and expire at its end', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'bal4')
    await usage(api, subscriptionId, 'ai_tokens', 3_000)
    expect((await balances(api, 'bal4')).ai_tokens).toBe(7_000)
    emulator.clock.advance(31 * DAY)
    // 7,000 left of the old grant expired, a fresh 10,000 was granted.
    expect((await balances(api, 'bal4')).ai_tokens).toBe(10_000)
    await usage(api, subscriptionId, 'ai_tokens', 12_000)
    emulator.clock.advance(30 * DAY)
    // The 2,000 overage was invoiced and settled (not carried over); a fresh grant follows.
    expect((await balances(api, 'bal4')).ai_tokens).toBe(10_000)
    const invoices = (await api.get('/customers/bal4/billing')).body.invoices
    const usageLine = invoices[1].invoiceLineItems.find((l: { type: string }) => l.type === 'usage')
    expect(usageLine).toMatchObject({ quantity: 2, price: 1, ledgerAccountCredit: 10_000 })
  })

  it('once grants are issued for the first period only and never expire', async () => {
    const seed: SeedInput = {
      name: 'Once',
      usageMeters: [{ slug: 'credits', name: 'Credits' }],
      features: [
        {
          type: 'usage_credit_grant',
          slug: 'welcome',
          name: 'Welcome credits',
          amount: 500,
          usageMeterSlug: 'credits',
          renewalFrequency: 'once',
        },
        {
          type: 'usage_credit_grant',
          slug: 'monthly',
          name: 'Monthly credits',
          amount: 100,
          usageMeterSlug: 'credits',
          renewalFrequency: 'every_billing_period',
        },
      ],
      products: [
        {
          slug: 'free',
          name: 'Free',
          default: true,
          features: ['welcome', 'monthly'],
          prices: [{ type: 'subscription', slug: 'free', unitPrice: 0 }],
        },
      ],
    }
    const { api, emulator } = setup({ seed })
    const { subscriptionId } = await newCustomer(api, 'bal5')
    expect(await balances(api, 'bal5')).toEqual({ credits: 600 })
    await usage(api, subscriptionId, 'credits', 50)
    emulator.clock.advance(31 * DAY)
    // Usage consumed the expiring grant first: 50 of 100 expired, the once-grant is intact.
    expect(await balances(api, 'bal5')).toEqual({ credits: 600 })
    emulator.clock.advance(62 * DAY)
    expect(await balances(api, 'bal5')).toEqual({ credits: 600 })
  })

  it("defaults to current subscriptions; ?subscriptionId= picks one of the customer's own", async () => {
    const { api } = setup()
    const { customer, subscriptionId: freeId } = await newCustomer(api, 'bal6')
    await usage(api, freeId, 'ai_tokens', 1)
    const pro = (
      await api.post('/subscriptions', { customerId: customer.id, priceSlug: 'pro_monthly' })
    ).body.subscription
    const current = (await api.get('/customers/bal6/usage-balances')).body.usageMeterBalances
    expect(current).toEqual([
      expect.objectContaining({
        slug: 'ai_tokens',
        availableBalance: 1_000_000,
        subscriptionId: pro.id,
      }),
    ])
    // The upgrade closed the free plan's period early: what was left of its grant expired.
    expect(await balances(api, 'bal6', freeId)).toEqual({ ai_tokens: 0 })
    const other = await newCustomer(api, 'bal6b')
    const foreign = await api.get(
      `/customers/bal6/usage-balances?subscriptionId=${other.subscriptionId}`,
    )
    expect(foreign.status).toBe(404)
    const billing = (await api.get('/customers/bal6/billing')).body
    expect(billing.currentSubscription.experimental.usageMeterBalances).toEqual(current)
  })

  it('idempotency lookups and balance reads never scan stored events', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'bal7')
    const usageEvents = Array.from({ length: 2_000 }, (_, i) => ({
      subscriptionId,
      amount: 1,
      transactionId: `scan_${i}`,
      usageMeterSlug: i % 2 ? 'ai_tokens' : 'active_users',
      properties: { user: `u${i % 10}` },
    }))
    await api.post('/usage-events/bulk', { usageEvents })
    // From now on, any iteration over the events table fails the test.
    const table = emulator.state.tables.usageEvents
    const forbid = () => {
      throw new Error('scanned usage events')
    }
    for (const method of ['values', 'entries', 'keys', 'forEach', Symbol.iterator] as const) {
      Object.defineProperty(table, method, { value: forbid, configurable: true })
    }
    const dup = await api.post('/usage-events', { usageEvent: { ...usageEvents[1], amount: 5 } })
    expect(dup.status).toBe(200)
    expect(dup.body.usageEvent.amount).toBe(1)
    const bulkDup = await api.post('/usage-events/bulk', { usageEvents: usageEvents.slice(0, 10) })
    expect(bulkDup.body.usageEvents).toEqual([])
    const fresh = await usage(api, subscriptionId, 'active_users', 1, { user: 'u3' })
    expect(fresh.status).toBe(200)
    // Even indices hold users u0, u2, u4, u6, u8; u3 is new.
    expect(await balances(api, 'bal7')).toEqual({ ai_tokens: 9_000, active_users: -6 })
    expect((await api.get('/customers/bal7/billing')).status).toBe(200)

    // One index entry per stored event, and idempotency answers from it alone: once its entry
    // is gone, a repeat of `scan_1` is stored as new.
    const { indexes } = emulator.state
    expect(table.size).toBe(2_001)
    expect(indexes.eventByTransaction.size).toBe(table.size)
    expect(indexes.accountsBySubscription.get(subscriptionId)).toHaveLength(2)
    indexes.eventByTransaction.delete(`scan_1\u0000${dup.body.usageEvent.usageMeterId}`)
    const again = await api.post('/usage-events', { usageEvent: usageEvents[1] })
    expect(again.body.usageEvent.id).not.toBe(dup.body.usageEvent.id)
    expect(table.size).toBe(2_002)
  })
})
