import { describe, expect, it } from 'vitest'
import { createEmulatorApp } from '../../test/handler/emulator-app.js'

// Customer A must not touch customer B through any action or body field: every attempt is
// 403/404 and the emulator's store shows nothing changed.
const urls = { successUrl: 'https://app.test/ok', cancelUrl: 'https://app.test/cancel' }

async function twoCustomers() {
  const app = createEmulatorApp()
  const a = await app.call('user_a', 'customers/billing')
  const b = await app.call('user_b', 'customers/billing')
  const bPro = await app.serverFor('user_b').createSubscription({ priceSlug: 'pro_monthly' })
  const tables = app.emulator.state.tables
  const snapshot = () =>
    JSON.stringify({
      subscriptions: [...tables.subscriptions.values()],
      usageEvents: [...tables.usageEvents.values()],
      customers: [...tables.customers.values()],
    })
  return {
    app,
    aSubscription: a.data.currentSubscription.id as string,
    bFree: b.data.currentSubscription.id as string,
    bPro: bPro.subscription.id,
    bCustomerId: b.data.customer.id as string,
    snapshot,
  }
}

const forbiddenOrMissing = [403, 404]

describe("customer A against customer B's data", () => {
  it('cannot write usage to B’s subscriptions (explicit id), nothing is recorded', async () => {
    const { app, bFree, bPro, snapshot } = await twoCustomers()
    const before = snapshot()
    for (const subscriptionId of [bFree, bPro]) {
      for (const body of [
        { usageMeterSlug: 'ai_tokens', subscriptionId },
        { priceSlug: 'pro_monthly', subscriptionId, amount: 5, transactionId: 'tx_attack' },
      ]) {
        const { status, error } = await app.call('user_a', 'usage-events/create', body)
        expect(forbiddenOrMissing).toContain(status)
        expect(error?.code).toBe('forbidden')
      }
    }
    expect(snapshot()).toBe(before)
  })

  it('cannot cancel or uncancel B’s subscriptions, nothing changes', async () => {
    const { app, bFree, bPro, snapshot } = await twoCustomers()
    const scheduled = await app.call('user_b', 'subscriptions/cancel', {
      id: bPro,
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    expect(scheduled.data.subscription.status).toBe('cancellation_scheduled')
    const before = snapshot()
    for (const id of [bFree, bPro]) {
      for (const timing of ['immediately', 'at_end_of_current_billing_period']) {
        const cancel = await app.call('user_a', 'subscriptions/cancel', {
          id,
          cancellation: { timing },
        })
        expect(forbiddenOrMissing).toContain(cancel.status)
      }
      const uncancel = await app.call('user_a', 'subscriptions/uncancel', { id })
      expect(forbiddenOrMissing).toContain(uncancel.status)
    }
    expect(snapshot()).toBe(before)
  })

  it('cannot open an activation or payment-method checkout for B’s subscription', async () => {
    const { app, bPro, snapshot } = await twoCustomers()
    const sessionsBefore = app.emulator.state.tables.checkoutSessions.size
    const before = snapshot()
    const activate = await app.call('user_a', 'checkout-sessions/create-activate-subscription', {
      ...urls,
      targetSubscriptionId: bPro,
    })
    expect(forbiddenOrMissing).toContain(activate.status)
    const addPayment = await app.call('user_a', 'checkout-sessions/create-add-payment-method', {
      ...urls,
      targetSubscriptionId: bPro,
    })
    expect(forbiddenOrMissing).toContain(addPayment.status)
    expect(app.emulator.state.tables.checkoutSessions.size).toBe(sessionsBefore)
    expect(snapshot()).toBe(before)
  })

  it('cannot read B’s billing or balances, nor find-or-create or update as B', async () => {
    const { app, bPro, bCustomerId, snapshot } = await twoCustomers()
    const before = snapshot()
    const attempts = [
      ['customers/billing', { externalId: 'user_b' }],
      ['customers/find-or-create', { externalId: 'user_b' }],
      ['customers/update', { externalId: 'user_b', customer: { id: bCustomerId, name: 'pwned' } }],
      ['usage-meters/balances', { externalId: 'user_b' }],
      ['usage-meters/balances', { subscriptionId: bPro }],
    ] as const
    for (const [path, body] of attempts) {
      const { status, data } = await app.call('user_a', path, body)
      expect(forbiddenOrMissing, path).toContain(status)
      expect(data).toBeNull()
    }
    expect(snapshot()).toBe(before)
  })

  it('customers/update with B’s customer id but A’s externalId only ever touches A', async () => {
    const { app, bCustomerId } = await twoCustomers()
    await app.call('user_a', 'customers/update', {
      externalId: 'user_a',
      customer: { id: bCustomerId, name: 'pwned' },
    })
    expect(app.emulator.state.tables.customers.get(bCustomerId)?.name).not.toBe('pwned')
  })

  it('cannot create a subscription for B (no customerId field exists)', async () => {
    const { app, bCustomerId, snapshot } = await twoCustomers()
    const before = snapshot()
    for (const extra of [
      { customerId: bCustomerId },
      { customerExternalId: 'user_b' },
      { externalId: 'user_b' },
    ]) {
      const { status } = await app.call('user_a', 'subscriptions/create', {
        priceSlug: 'pro_monthly',
        ...extra,
      })
      expect([400, 403]).toContain(status)
    }
    expect(snapshot()).toBe(before)
  })
})

describe('every action, with B named in any identity field of the body', () => {
  it('never answers with B’s data and never changes B’s rows', async () => {
    const { app, aSubscription, bFree, bPro, bCustomerId } = await twoCustomers()
    const { tables } = app.emulator.state
    const rowsOfB = () =>
      JSON.stringify({
        customer: tables.customers.get(bCustomerId),
        subscriptions: [...tables.subscriptions.values()].filter(
          (row) => row.customerId === bCustomerId,
        ),
        usageEvents: [...tables.usageEvents.values()].filter(
          (row) => row.customerId === bCustomerId,
        ),
        checkoutSessions: [...tables.checkoutSessions.values()].filter(
          (row) => row.customerId === bCustomerId,
        ),
      })
    const before = rowsOfB()
    // A valid body for A per action; the identity fields below are added on top.
    const bodiesOfA: Record<string, Record<string, unknown>> = {
      'customers/billing': {},
      'customers/find-or-create': {},
      'customers/update': { customer: { id: 'ignored', name: 'A' } },
      'checkout-sessions/create': { ...urls, priceSlug: 'pro_monthly' },
      'checkout-sessions/create-add-payment-method': { ...urls },
      'checkout-sessions/create-activate-subscription': {
        ...urls,
        targetSubscriptionId: aSubscription,
      },
      'subscriptions/cancel': { id: aSubscription, cancellation: { timing: 'immediately' } },
      'subscriptions/uncancel': { id: aSubscription },
      'subscriptions/create': { priceSlug: 'pro_monthly' },
      'usage-events/create': { usageMeterSlug: 'ai_tokens' },
      'usage-meters/balances': {},
    }
    const identityFields = [
      { externalId: 'user_b' },
      { customerExternalId: 'user_b' },
      { customerId: bCustomerId },
      { customer: { id: bCustomerId, externalId: 'user_b' } },
      { subscriptionId: bPro },
      { targetSubscriptionId: bFree },
    ]
    let refused = 0
    for (const [path, body] of Object.entries(bodiesOfA)) {
      for (const extra of identityFields) {
        const answer = await app.call('user_a', path, { ...body, ...extra })
        const data = JSON.stringify(answer.data) ?? ''
        for (const marker of [bCustomerId, bFree, bPro, 'user_b']) {
          expect(data, `${path} + ${JSON.stringify(extra)}`).not.toContain(marker)
        }
        if (answer.status !== 200) refused += 1
      }
    }
    expect(rowsOfB()).toBe(before)
    // Most combinations are refused outright (strict schemas, externalId and ownership checks).
    expect(refused).toBeGreaterThan(Object.keys(bodiesOfA).length * 4)
  })
})

describe('unauthenticated requests', () => {
  it('make zero API calls, for every action', async () => {
    const app = createEmulatorApp()
    const paths = [
      'customers/billing',
      'customers/find-or-create',
      'customers/update',
      'checkout-sessions/create',
      'checkout-sessions/create-add-payment-method',
      'checkout-sessions/create-activate-subscription',
      'subscriptions/cancel',
      'subscriptions/uncancel',
      'subscriptions/create',
      'usage-events/create',
      'usage-meters/balances',
    ]
    for (const path of paths) {
      const { status, error } = await app.call(null, path, {
        usageMeterSlug: 'ai_tokens',
        id: 'sub_x',
      })
      expect(status).toBe(401)
      expect(error?.code).toBe('unauthenticated')
    }
    expect(app.apiCalls).toEqual([])
  })
})

describe('cross-site requests', () => {
  it('a text/plain form post or a foreign Origin is refused and changes nothing', async () => {
    const { app, aSubscription, snapshot } = await twoCustomers()
    const before = snapshot()
    const calls = app.apiCalls.length
    const formPost = await app.call(
      'user_a',
      'usage-events/create',
      JSON.stringify({ usageMeterSlug: 'ai_tokens' }),
      {
        'content-type': 'text/plain',
      },
    )
    expect(formPost.status).toBe(403)
    expect(formPost.error?.code).toBe('csrf_rejected')
    const foreign = await app.call(
      'user_a',
      'subscriptions/cancel',
      { id: aSubscription, cancellation: { timing: 'immediately' } },
      {
        origin: 'https://evil.test',
      },
    )
    expect(foreign.status).toBe(403)
    expect(snapshot()).toBe(before)
    expect(app.apiCalls.length).toBe(calls)
  })
})
