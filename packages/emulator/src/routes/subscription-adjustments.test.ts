import { describe, expect, it } from 'vitest'
import { adjustmentSeed, adjustTo, paidCustomer } from '../../test/adjustment-seed.js'
import { DAY, newCustomer, setup, T0 } from '../../test/helpers.js'
import { createEmulator } from '../emulator.js'

const PERIOD = 31 * DAY
const start = () => setup({ seed: adjustmentSeed })

describe('adjust and preview-adjust: refusals', () => {
  it('answer in the hosted error shape, with 404 for unknown ids and 400 otherwise', async () => {
    const { api, emulator } = start()
    const pro = await paidCustomer(api, 'err1', 'pro_monthly')
    const { subscriptionId: freeId } = await newCustomer(api, 'err_free')
    const usage = [...emulator.state.tables.prices.values()].find((p) => p.type === 'usage')
    const adjust = (id: string, body: unknown) => api.post(`/subscriptions/${id}/adjust`, body)
    const item = (ref: Record<string, unknown>) => ({
      adjustment: { timing: 'immediately', newSubscriptionItems: [ref] },
    })

    const cases: [
      string,
      Promise<{ status: number; body: { code: string; error: unknown } }>,
      number,
      RegExp | null,
    ][] = [
      [
        'unknown subscription',
        adjust('sub_nope', adjustTo('basic_monthly', 'auto')),
        404,
        /Subscription not found: sub_nope/,
      ],
      [
        'unknown price slug',
        adjust(pro.id, adjustTo('gold', 'auto')),
        404,
        /Price not found: with slug gold/,
      ],
      [
        'unknown price id',
        adjust(pro.id, item({ priceId: 'price_nope' })),
        404,
        /Price not found: price_nope/,
      ],
      [
        'same price',
        adjust(pro.id, adjustTo('pro_monthly', 'auto')),
        400,
        /already has these items/,
      ],
      ['usage price', adjust(pro.id, item({ priceId: usage?.id })), 400, /is a usage price/],
      [
        'other interval',
        adjust(pro.id, adjustTo('pro_yearly', 'immediately')),
        400,
        /bills every 1 year/,
      ],
      ['free plan', adjust(freeId, adjustTo('pro_monthly', 'auto')), 400, /is a free plan/],
      [
        'upgrade at period end',
        adjust(
          pro.id,
          adjustTo('pro_monthly', 'at_end_of_current_billing_period', { quantity: 2 }),
        ),
        400,
        /only for downgrades/,
      ],
      [
        'prorate at period end',
        adjust(
          pro.id,
          adjustTo('basic_monthly', 'at_end_of_current_billing_period', {
            prorateCurrentBillingPeriod: true,
          }),
        ),
        400,
        null,
      ],
      [
        'no items',
        adjust(pro.id, { adjustment: { timing: 'auto', newSubscriptionItems: [] } }),
        400,
        null,
      ],
      [
        'both price refs',
        adjust(pro.id, item({ priceId: 'x', priceSlug: 'basic_monthly' })),
        400,
        null,
      ],
      [
        'zero quantity',
        adjust(pro.id, item({ priceSlug: 'basic_monthly', quantity: 0 })),
        400,
        null,
      ],
      [
        'unknown timing',
        adjust(pro.id, {
          adjustment: { timing: 'later', newSubscriptionItems: [{ priceSlug: 'basic_monthly' }] },
        }),
        400,
        null,
      ],
      ['no adjustment', adjust(pro.id, {}), 400, null],
    ]
    for (const [name, pending, status, message] of cases) {
      const res = await pending
      expect([name, res.status, res.body.code]).toEqual([
        name,
        status,
        status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST',
      ])
      expect(res.body, name).toHaveProperty('request_id')
      if (message) expect(res.body.error, name).toMatch(message)
      else expect(Array.isArray(res.body.error), name).toBe(true)
    }
    const notJson = await api.call('POST', `/subscriptions/${pro.id}/adjust`, undefined, '{')
    expect(notJson.status).toBe(400)
    // Nothing above changed the subscription.
    const after = await api.get('/customers/err1/billing')
    expect(after.body.currentSubscription.subscriptionItems).toHaveLength(1)
    expect(after.body.invoices).toEqual([])
  })

  it('refuse a canceled subscription, one scheduled to cancel, and one with a pending adjustment', async () => {
    const { api } = start()
    const a = await paidCustomer(api, 'err2', 'pro_monthly')
    await api.post(`/subscriptions/${a.id}/cancel`, {
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    const scheduled = await api.post(
      `/subscriptions/${a.id}/adjust`,
      adjustTo('basic_monthly', 'auto'),
    )
    expect([scheduled.status, scheduled.body.error]).toEqual([
      400,
      expect.stringMatching(/scheduled to cancel/),
    ])
    await api.post(`/subscriptions/${a.id}/cancel`, { cancellation: { timing: 'immediately' } })
    const canceled = await api.post(
      `/subscriptions/${a.id}/adjust`,
      adjustTo('basic_monthly', 'auto'),
    )
    expect([canceled.status, canceled.body.error]).toEqual([
      400,
      expect.stringMatching(/is canceled and cannot be adjusted/),
    ])

    const b = await paidCustomer(api, 'err3', 'pro_monthly')
    expect(
      (await api.post(`/subscriptions/${b.id}/adjust`, adjustTo('basic_monthly', 'auto'))).status,
    ).toBe(200)
    const pending = await api.post(
      `/subscriptions/${b.id}/adjust`,
      adjustTo('pro_monthly', 'auto', { quantity: 2 }),
    )
    expect([pending.status, pending.body.error]).toEqual([
      400,
      expect.stringMatching(/already has a scheduled adjustment/),
    ])
    // The preview answers the same refusal as canAdjust: false, and 404s stay 404s.
    const preview = await api.post(
      `/subscriptions/${b.id}/preview-adjust`,
      adjustTo('pro_monthly', 'auto', { quantity: 2 }),
    )
    expect(preview.body).toMatchObject({
      canAdjust: false,
      reason: expect.stringMatching(/already has a scheduled adjustment/),
    })
    const missing = await api.post(
      '/subscriptions/sub_nope/preview-adjust',
      adjustTo('pro_monthly', 'auto'),
    )
    expect(missing.status).toBe(404)
    const badBody = await api.post(`/subscriptions/${b.id}/preview-adjust`, { adjustment: {} })
    expect(badBody.status).toBe(400)
    const unknownCancel = await api.post('/subscriptions/sub_nope/cancel-scheduled-adjustment', {})
    expect(unknownCancel.status).toBe(404)
  })
})

describe('a pending scheduled adjustment in a snapshot', () => {
  it('round-trips (object and streamed forms) and still applies at the period end', async () => {
    const { api, emulator } = start()
    const pro = await paidCustomer(api, 'snap1', 'pro_monthly')
    await api.post(`/subscriptions/${pro.id}/adjust`, adjustTo('basic_monthly', 'auto'))
    const snapshot = emulator.exportState()
    expect(snapshot.tables.subscriptions.find((s) => s.id === pro.id)?.scheduledAdjustmentAt).toBe(
      T0 + PERIOD,
    )

    const copy = createEmulator({ now: T0, seed: adjustmentSeed })
    copy.importState(snapshot)
    expect(copy.exportState()).toEqual(snapshot)
    const streamed = createEmulator({ now: T0, seed: adjustmentSeed })
    await streamed.importStateStream(emulator.exportStateStream())
    expect(streamed.exportState()).toEqual(snapshot)

    for (const target of [copy, streamed]) {
      target.clock.advance(PERIOD)
      const sub = target.state.tables.subscriptions.get(pro.id)
      expect(sub?.scheduledAdjustmentAt).toBeNull()
      expect(target.state.tables.prices.get(sub?.priceId ?? '')?.slug).toBe('basic_monthly')
    }
  })
})
