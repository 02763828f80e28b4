import { describe, expect, it } from 'vitest'
import { adjustmentSeed, adjustTo, paidCustomer } from '../../test/adjustment-seed.js'
import { type Client, DAY, setup, T0 } from '../../test/helpers.js'
import type { Emulator } from '../emulator.js'

// Periods are monthly from T0 (2026-01-15): the first one is 31 days long.
const PERIOD = 31 * DAY

async function billingOf(api: Client, externalId: string) {
  const res = await api.get(`/customers/${externalId}/billing`)
  expect(res.status).toBe(200)
  const sub = res.body.currentSubscription
  return {
    sub,
    items: sub.subscriptionItems.map((item: { price: { slug: string } }) => item.price.slug),
    toggles: sub.experimental.featureItems
      .filter((feature: { type: string }) => feature.type === 'toggle')
      .map((feature: { slug: string }) => feature.slug),
    balance: (meterSlug: string) =>
      sub.experimental.usageMeterBalances.find((b: { slug: string }) => b.slug === meterSlug)
        ?.availableBalance,
    invoices: res.body.invoices as {
      invoice: { subscriptionId: string; invoiceDate: number }
      invoiceLineItems: { price: number; quantity: number; description: string }[]
    }[],
  }
}

/** Moves the clock through the control route, as an app's test would. */
async function clockTo(emulator: Emulator, to: number) {
  const res = await emulator.fetch(
    new Request('http://emulator.local/_emulator/clock', {
      method: 'POST',
      headers: { authorization: 'sk_test_emulator_key', 'content-type': 'application/json' },
      body: JSON.stringify({ to }),
    }),
  )
  expect(res.status).toBe(200)
}

const start = () => setup({ seed: adjustmentSeed })

describe('adjust: upgrades apply now with a prorated charge', () => {
  it('half a period left: the proration line is half the price difference', async () => {
    const { api, emulator } = start()
    const basic = await paidCustomer(api, 'up1', 'basic_monthly')
    emulator.clock.advance(PERIOD / 2)
    const res = await api.post(
      `/subscriptions/${basic.id}/adjust`,
      adjustTo('pro_monthly', 'immediately'),
    )
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ isUpgrade: true, resolvedTiming: 'immediately' })
    const pro = emulator.state.tables.prices.get(res.body.subscription.priceId)
    expect(pro?.slug).toBe('pro_monthly')
    expect(res.body.subscriptionItems).toHaveLength(1)
    expect(res.body.subscriptionItems[0]).toMatchObject({
      priceId: pro?.id,
      unitPrice: 2000,
      addedDate: T0 + PERIOD / 2,
    })

    const now = await billingOf(api, 'up1')
    expect(now.items).toEqual(['pro_monthly'])
    const proration = now.invoices.filter((i) => i.invoice.subscriptionId === basic.id)
    expect(proration).toHaveLength(1)
    expect(proration[0]?.invoiceLineItems).toEqual([
      expect.objectContaining({
        price: 500,
        quantity: 1,
        description: expect.stringMatching(/^Proration: Basic Monthly → Pro Monthly/),
      }),
    ])

    // The period close bills the plan it started on (Basic); the next one bills Pro.
    emulator.clock.advance(PERIOD / 2)
    emulator.clock.advance(28 * DAY)
    const later = await billingOf(api, 'up1')
    const recurring = later.invoices
      .filter((i) => i.invoice.subscriptionId === basic.id)
      .map((i) => i.invoiceLineItems.filter((line) => !line.description.startsWith('Proration')))
      .filter((lines) => lines.length > 0)
      .map((lines) => lines.map((line) => line.price * line.quantity))
    expect(recurring).toEqual([[1000], [2000]])
  })

  it('a quantity increase is an upgrade too; prorateCurrentBillingPeriod: false charges nothing now', async () => {
    const { api, emulator } = start()
    const basic = await paidCustomer(api, 'up2', 'basic_monthly')
    emulator.clock.advance(PERIOD / 4)
    const res = await api.post(
      `/subscriptions/${basic.id}/adjust`,
      adjustTo('basic_monthly', 'immediately', { quantity: 3, prorateCurrentBillingPeriod: false }),
    )
    expect(res.status, res.text).toBe(200)
    expect(res.body.isUpgrade).toBe(true)
    expect(res.body.subscriptionItems[0].quantity).toBe(3)
    expect((await billingOf(api, 'up2')).invoices).toEqual([])
    // Grants scale with the quantity: one 50k grant from the start plus 3 × 50k now.
    expect((await billingOf(api, 'up2')).balance('ai_tokens')).toBe(200_000)
  })
})

describe('adjust: downgrades wait for the period end', () => {
  it('is scheduled, changes nothing until the clock closes the period, then applies', async () => {
    const { api, emulator } = start()
    const pro = await paidCustomer(api, 'down1', 'pro_monthly')
    emulator.clock.advance(10 * DAY)
    const res = await api.post(
      `/subscriptions/${pro.id}/adjust`,
      adjustTo('basic_monthly', 'at_end_of_current_billing_period'),
    )
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({
      isUpgrade: false,
      resolvedTiming: 'at_end_of_current_billing_period',
      subscription: { scheduledAdjustmentAt: T0 + PERIOD },
    })
    // The returned items are the scheduled ones, starting at the period end.
    expect(res.body.subscriptionItems[0]).toMatchObject({ unitPrice: 1000, addedDate: T0 + PERIOD })

    const before = await billingOf(api, 'down1')
    expect(before.items).toEqual(['pro_monthly'])
    expect(before.toggles).toEqual(['advanced_models'])
    expect(before.balance('ai_tokens')).toBe(1_000_000)
    expect(before.invoices).toEqual([])

    await clockTo(emulator, T0 + PERIOD)
    const after = await billingOf(api, 'down1')
    expect(after.items).toEqual(['basic_monthly'])
    expect(after.toggles).toEqual([])
    expect(after.sub.scheduledAdjustmentAt).toBeNull()
    expect(emulator.state.tables.prices.get(after.sub.priceId)?.slug).toBe('basic_monthly')
    // Pro's grant expired with its period; Basic's was issued for the new one.
    expect(after.balance('ai_tokens')).toBe(50_000)
    // The closed period was billed at the Pro price, with no proration.
    expect(after.invoices.map((i) => i.invoiceLineItems.map((l) => l.price))).toEqual([[2000]])
  })

  it('immediately, as named: applies now with no charge (no refunds for downgrades)', async () => {
    const { api, emulator } = start()
    const pro = await paidCustomer(api, 'down2', 'pro_monthly')
    emulator.clock.advance(PERIOD / 2)
    const res = await api.post(
      `/subscriptions/${pro.id}/adjust`,
      adjustTo('basic_monthly', 'immediately'),
    )
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ isUpgrade: false, resolvedTiming: 'immediately' })
    const now = await billingOf(api, 'down2')
    expect(now.items).toEqual(['basic_monthly'])
    expect(now.toggles).toEqual([])
    expect(now.invoices).toEqual([])
  })
})

describe('adjust: timing auto', () => {
  it('picks immediately for an upgrade and the period end for a downgrade', async () => {
    const { api, emulator } = start()
    const basic = await paidCustomer(api, 'auto1', 'basic_monthly')
    emulator.clock.advance(5 * DAY)
    const up = await api.post(`/subscriptions/${basic.id}/adjust`, adjustTo('pro_monthly', 'auto'))
    expect(up.body).toMatchObject({ isUpgrade: true, resolvedTiming: 'immediately' })
    expect((await billingOf(api, 'auto1')).items).toEqual(['pro_monthly'])

    const down = await api.post(
      `/subscriptions/${basic.id}/adjust`,
      adjustTo('basic_monthly', 'auto'),
    )
    expect(down.body).toMatchObject({
      isUpgrade: false,
      resolvedTiming: 'at_end_of_current_billing_period',
      subscription: { scheduledAdjustmentAt: T0 + PERIOD },
    })
    expect((await billingOf(api, 'auto1')).items).toEqual(['pro_monthly'])
  })
})

describe('adjust: grants and feature access follow the new price', () => {
  it("an upgrade grants the new plan's credits now and its toggles unlock", async () => {
    const { api, emulator } = start()
    const basic = await paidCustomer(api, 'grant1', 'basic_monthly')
    const before = await billingOf(api, 'grant1')
    expect(before.toggles).toEqual([])
    expect(before.balance('ai_tokens')).toBe(50_000)
    expect(before.balance('api_calls')).toBeUndefined()

    emulator.clock.advance(3 * DAY)
    await api.post(`/subscriptions/${basic.id}/adjust`, adjustTo('pro_monthly', 'immediately'))
    const after = await billingOf(api, 'grant1')
    expect(after.toggles).toEqual(['advanced_models'])
    // This period keeps Basic's grant and adds Pro's; Pro's one-off grant is issued too.
    expect(after.balance('ai_tokens')).toBe(1_050_000)
    expect(after.balance('api_calls')).toBe(700)
    const balances = await api.get('/customers/grant1/usage-balances')
    expect(balances.body.usageMeterBalances).toContainEqual(
      expect.objectContaining({ slug: 'ai_tokens', availableBalance: 1_050_000 }),
    )

    // Next period: only Pro's every-period grant; the one-off grant is not repeated.
    emulator.clock.advance(PERIOD)
    const next = await billingOf(api, 'grant1')
    expect(next.balance('ai_tokens')).toBe(1_000_000)
    expect(next.balance('api_calls')).toBe(700)
  })
})

describe('cancel-scheduled-adjustment', () => {
  it('undoes a scheduled downgrade: the plan carries on unchanged', async () => {
    const { api, emulator } = start()
    const pro = await paidCustomer(api, 'undo1', 'pro_monthly')
    await api.post(`/subscriptions/${pro.id}/adjust`, adjustTo('basic_monthly', 'auto'))
    emulator.clock.advance(DAY)
    const res = await api.post(`/subscriptions/${pro.id}/cancel-scheduled-adjustment`, {})
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({
      canceledItemCount: 1,
      subscription: { scheduledAdjustmentAt: null },
    })
    const again = await api.call(
      'POST',
      `/subscriptions/${pro.id}/cancel-scheduled-adjustment`,
      undefined,
      '',
    )
    expect(again.status).toBe(400)
    expect(again.body).toMatchObject({
      code: 'BAD_REQUEST',
      error: expect.stringMatching(/no scheduled adjustment/),
    })

    await clockTo(emulator, T0 + PERIOD + DAY)
    const after = await billingOf(api, 'undo1')
    expect(after.items).toEqual(['pro_monthly'])
    expect(after.toggles).toEqual(['advanced_models'])
    expect(after.balance('ai_tokens')).toBe(1_000_000)
    expect(after.invoices.map((i) => i.invoiceLineItems.map((l) => l.price))).toEqual([[2000]])
    // A new adjustment can be made once the scheduled one is gone.
    const next = await api.post(
      `/subscriptions/${pro.id}/adjust`,
      adjustTo('basic_monthly', 'auto'),
    )
    expect(next.status, next.text).toBe(200)
  })
})

describe('a subscription that ends with an adjustment pending', () => {
  it('drops the adjustment, whether canceled at the period end or immediately', async () => {
    const { api, emulator } = start()
    const atEnd = await paidCustomer(api, 'end1', 'pro_monthly')
    const now = await paidCustomer(api, 'end2', 'pro_monthly')
    for (const sub of [atEnd, now]) {
      await api.post(`/subscriptions/${sub.id}/adjust`, adjustTo('basic_monthly', 'auto'))
    }
    await api.post(`/subscriptions/${atEnd.id}/cancel`, {
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    await api.post(`/subscriptions/${now.id}/cancel`, { cancellation: { timing: 'immediately' } })
    await clockTo(emulator, T0 + PERIOD + DAY)
    for (const [externalId, sub] of [
      ['end1', atEnd],
      ['end2', now],
    ] as const) {
      const billing = await api.get(`/customers/${externalId}/billing`)
      const ended = billing.body.subscriptions.find((s: { id: string }) => s.id === sub.id)
      expect([externalId, ended.status, ended.scheduledAdjustmentAt]).toEqual([
        externalId,
        'canceled',
        null,
      ])
      const slugs = ended.subscriptionItems.map(
        (item: { price: { slug: string } }) => item.price.slug,
      )
      expect([externalId, slugs]).toEqual([externalId, ['pro_monthly']])
    }
  })
})

describe('preview-adjust', () => {
  it('reports the adjustment and changes nothing', async () => {
    const { api, emulator } = start()
    const basic = await paidCustomer(api, 'pre1', 'basic_monthly')
    emulator.clock.advance(PERIOD / 2)
    await api.get('/customers/pre1/billing') // settle any lazy sync before the snapshot
    const before = JSON.stringify(emulator.exportState())
    const up = await api.post(
      `/subscriptions/${basic.id}/preview-adjust`,
      adjustTo('pro_monthly', 'auto'),
    )
    expect(up.status, up.text).toBe(200)
    expect(up.body).toMatchObject({
      canAdjust: true,
      previewGeneratedAt: T0 + PERIOD / 2,
      prorationAmount: 500,
      currentPlanTotal: 1000,
      newPlanTotal: 2000,
      resolvedTiming: 'immediately',
      effectiveDate: T0 + PERIOD / 2,
      isUpgrade: true,
      percentThroughBillingPeriod: 0.5,
      billingPeriodEnd: T0 + PERIOD,
      currentSubscriptionItems: [
        { name: 'Basic Monthly', unitPrice: 1000, quantity: 1, priceId: expect.any(String) },
      ],
      newSubscriptionItems: [
        { name: 'Pro Monthly', unitPrice: 2000, quantity: 1, priceId: expect.any(String) },
      ],
    })
    const refused = await api.post(
      `/subscriptions/${basic.id}/preview-adjust`,
      adjustTo('basic_monthly', 'immediately'),
    )
    expect(refused.body).toEqual({
      canAdjust: false,
      reason: 'Invalid newSubscriptionItems: the subscription already has these items',
      previewGeneratedAt: T0 + PERIOD / 2,
    })
    expect(JSON.stringify(emulator.exportState())).toBe(before)
  })

  it('a downgrade previews as end of period, with nothing to charge', async () => {
    const { api } = start()
    const pro = await paidCustomer(api, 'pre2', 'pro_monthly')
    const res = await api.post(
      `/subscriptions/${pro.id}/preview-adjust`,
      adjustTo('basic_monthly', 'auto'),
    )
    expect(res.body).toMatchObject({
      canAdjust: true,
      isUpgrade: false,
      resolvedTiming: 'at_end_of_current_billing_period',
      effectiveDate: T0 + PERIOD,
      prorationAmount: 0,
    })
  })
})
