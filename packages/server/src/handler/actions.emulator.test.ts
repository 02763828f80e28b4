import { describe, expect, it } from 'vitest'
import { createEmulatorApp } from '../../test/handler/emulator-app.js'

// Every action, success and error paths, through the real FlowgladServer against the emulator.
const urls = { successUrl: 'https://app.test/ok', cancelUrl: 'https://app.test/cancel' }

async function signedUp(user = 'user_a', overrides = {}) {
  const app = createEmulatorApp(overrides)
  const billing = await app.call(user, 'customers/billing')
  expect(billing.status).toBe(200)
  return {
    app,
    subscriptionId: billing.data.currentSubscription.id as string,
    customerId: billing.data.customer.id as string,
  }
}

describe('customers/billing', () => {
  it('creates the customer on first use and returns billing with the free plan', async () => {
    const app = createEmulatorApp()
    const { status, data, error } = await app.call('user_a', 'customers/billing')
    expect(error).toBeNull()
    expect(status).toBe(200)
    expect(data.customer.externalId).toBe('user_a')
    expect(data.currentSubscriptions).toHaveLength(1)
    expect(data.pricingModel.usageMeters.map((meter: { slug: string }) => meter.slug)).toContain(
      'ai_tokens',
    )
  })

  it('answers 502 upstream_unavailable when the API cannot be reached', async () => {
    const app = createEmulatorApp()
    app.setUnreachable(true)
    const { status, error } = await app.call('user_a', 'customers/billing')
    expect(status).toBe(502)
    expect(error?.code).toBe('upstream_unavailable')
  })
})

describe('customers/find-or-create', () => {
  it('creates once, then finds the same customer', async () => {
    const app = createEmulatorApp()
    const first = await app.call('user_a', 'customers/find-or-create')
    const second = await app.call('user_a', 'customers/find-or-create', { externalId: 'user_a' })
    expect(first.status).toBe(200)
    expect(second.data.customer.id).toBe(first.data.customer.id)
    const customers = [...app.emulator.state.tables.customers.values()].filter(
      (c) => c.externalId === 'user_a',
    )
    expect(customers).toHaveLength(1)
  })
})

describe('customers/update', () => {
  it('updates the asking customer', async () => {
    const { app, customerId } = await signedUp()
    const { status, data } = await app.call('user_a', 'customers/update', {
      externalId: 'user_a',
      customer: { id: customerId, name: 'Ada Lovelace' },
    })
    expect(status).toBe(200)
    expect(data.customer.name).toBe('Ada Lovelace')
    expect(app.emulator.state.tables.customers.get(customerId)?.name).toBe('Ada Lovelace')
  })

  it('answers 400 for a bad email, with issues', async () => {
    const { app, customerId } = await signedUp()
    const { status, error } = await app.call('user_a', 'customers/update', {
      externalId: 'user_a',
      customer: { id: customerId, email: 'not-an-email' },
    })
    expect(status).toBe(400)
    expect(error?.json.issues).toEqual([expect.objectContaining({ path: ['customer', 'email'] })])
  })
})

describe('checkout sessions', () => {
  it('product: 200 { checkoutSession, url } for a known price', async () => {
    const { app } = await signedUp()
    const { status, data } = await app.call('user_a', 'checkout-sessions/create', {
      ...urls,
      priceSlug: 'pro_monthly',
    })
    expect(status).toBe(200)
    expect(data.checkoutSession).toMatchObject({ type: 'product', status: 'open' })
    expect(typeof data.url).toBe('string')
  })

  it('product: an unknown price is the API 404, answered 404 not_found', async () => {
    const { app } = await signedUp()
    const { status, error } = await app.call('user_a', 'checkout-sessions/create', {
      ...urls,
      priceSlug: 'no_such_price',
    })
    expect(status).toBe(404)
    expect(error?.code).toBe('not_found')
  })

  it('product: a relative successUrl is 400 before any API call', async () => {
    const { app } = await signedUp()
    const before = app.apiCalls.length
    const { status } = await app.call('user_a', 'checkout-sessions/create', {
      ...urls,
      successUrl: '/ok',
      priceSlug: 'pro_monthly',
    })
    expect(status).toBe(400)
    expect(app.apiCalls.length).toBe(before)
  })

  it('add payment method: 200 without and with an own target', async () => {
    const { app, subscriptionId } = await signedUp()
    const plain = await app.call('user_a', 'checkout-sessions/create-add-payment-method', urls)
    expect(plain.status).toBe(200)
    expect(plain.data.checkoutSession.type).toBe('add_payment_method')
    const targeted = await app.call('user_a', 'checkout-sessions/create-add-payment-method', {
      ...urls,
      targetSubscriptionId: subscriptionId,
    })
    expect(targeted.status).toBe(200)
  })

  it('activate subscription: 200 for an own subscription, 400 without a target', async () => {
    const { app, subscriptionId } = await signedUp()
    const ok = await app.call('user_a', 'checkout-sessions/create-activate-subscription', {
      ...urls,
      targetSubscriptionId: subscriptionId,
    })
    expect(ok.error).toBeNull()
    expect(ok.data.checkoutSession.type).toBe('activate_subscription')
    const missing = await app.call('user_a', 'checkout-sessions/create-activate-subscription', urls)
    expect(missing.status).toBe(400)
  })
})

describe('subscriptions', () => {
  it('create: subscribes the asking customer to a free price', async () => {
    const { app, customerId } = await signedUp()
    const { status, data } = await app.call('user_a', 'subscriptions/create', {
      priceSlug: 'free',
    })
    expect(status).toBe(200)
    expect(data.subscription.customerId).toBe(customerId)
    expect(app.emulator.state.tables.subscriptions.get(data.subscription.id)?.customerId).toBe(
      customerId,
    )
  })

  it('create: refuses a customerId in the body (400) and an unknown price (404)', async () => {
    const { app } = await signedUp()
    expect(
      (
        await app.call('user_a', 'subscriptions/create', {
          priceSlug: 'pro_monthly',
          customerId: 'cust_x',
        })
      ).status,
    ).toBe(400)
    const unknown = await app.call('user_a', 'subscriptions/create', { priceSlug: 'nope' })
    expect([unknown.status, unknown.error?.code]).toEqual([404, 'not_found'])
  })

  it('cancel at period end then uncancel', async () => {
    const { app } = await signedUp()
    const pro = await app.serverFor('user_a').createSubscription({ priceSlug: 'pro_monthly' })
    const id = pro.subscription.id
    const cancelled = await app.call('user_a', 'subscriptions/cancel', {
      id,
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    expect(cancelled.status).toBe(200)
    expect(cancelled.data.subscription.status).toBe('cancellation_scheduled')
    const restored = await app.call('user_a', 'subscriptions/uncancel', { id })
    expect(restored.status).toBe(200)
    expect(restored.data.subscription.status).not.toBe('cancellation_scheduled')
  })

  it('cancel: 400 for a bad timing, 4xx for an unknown id', async () => {
    const { app, subscriptionId } = await signedUp()
    expect(
      (
        await app.call('user_a', 'subscriptions/cancel', {
          id: subscriptionId,
          cancellation: { timing: 'later' },
        })
      ).status,
    ).toBe(400)
    const unknown = await app.call('user_a', 'subscriptions/cancel', {
      id: 'sub_missing',
      cancellation: { timing: 'immediately' },
    })
    expect([403, 404]).toContain(unknown.status)
    const uncancelUnknown = await app.call('user_a', 'subscriptions/uncancel', {
      id: 'sub_missing',
    })
    expect([403, 404]).toContain(uncancelUnknown.status)
  })
})

describe('usage-events/create', () => {
  it('records on the current subscription with amount 1 and a generated transactionId', async () => {
    const { app, subscriptionId } = await signedUp()
    const { status, data } = await app.call('user_a', 'usage-events/create', {
      usageMeterSlug: 'ai_tokens',
    })
    expect(status).toBe(200)
    expect(data.usageEvent).toMatchObject({
      subscriptionId,
      amount: 1,
      transactionId: expect.stringMatching(/^.{21}$/),
    })
    expect(app.emulator.state.tables.usageEvents.get(data.usageEvent.id)).toBeDefined()
  })

  it('costs one API request once the ownership cache is warm', async () => {
    const { app } = await signedUp()
    const before = app.apiCalls.length
    await app.call('user_a', 'usage-events/create', { usageMeterSlug: 'ai_tokens', amount: 5 })
    expect(app.apiCalls.slice(before)).toEqual(['POST /api/v1/usage-events'])
  })

  it('is idempotent on transactionId and 409 when it is reused on another subscription', async () => {
    const { app, subscriptionId } = await signedUp()
    const first = await app.call('user_a', 'usage-events/create', {
      usageMeterSlug: 'ai_tokens',
      amount: 3,
      transactionId: 'tx_1',
    })
    const again = await app.call('user_a', 'usage-events/create', {
      usageMeterSlug: 'ai_tokens',
      amount: 3,
      transactionId: 'tx_1',
    })
    expect(again.data.usageEvent.id).toBe(first.data.usageEvent.id)
    const pro = await app.serverFor('user_a').createSubscription({ priceSlug: 'pro_monthly' })
    const proId = pro.subscription.id
    expect(proId).not.toBe(subscriptionId)
    const conflict = await app.call('user_a', 'usage-events/create', {
      usageMeterSlug: 'ai_tokens',
      subscriptionId: proId,
      transactionId: 'tx_1',
    })
    expect(conflict.status).toBe(409)
    expect(conflict.error?.code).toBe('conflict')
  })

  it('answers 404 for an unknown meter and 400 for a bad amount', async () => {
    const { app } = await signedUp()
    const unknown = await app.call('user_a', 'usage-events/create', {
      usageMeterSlug: 'no_such_meter',
    })
    expect([unknown.status, unknown.error?.code]).toEqual([404, 'not_found'])
    expect(
      (
        await app.call('user_a', 'usage-events/create', {
          usageMeterSlug: 'ai_tokens',
          amount: 1.5,
        })
      ).status,
    ).toBe(400)
  })

  it('answers 400 missing_subscription_id when the customer has no current subscription', async () => {
    const { app, subscriptionId } = await signedUp()
    // The free plan cannot be cancelled through the API, so end it in the emulator's store.
    const stored = app.emulator.state.tables.subscriptions.get(subscriptionId)
    if (stored) Object.assign(stored, { status: 'canceled', canceledAt: Date.now() })
    const before = app.emulator.state.tables.usageEvents.size
    const cold = createEmulatorApp({}, app.emulator)
    const { status, error } = await cold.call('user_a', 'usage-events/create', {
      usageMeterSlug: 'ai_tokens',
    })
    expect(status).toBe(400)
    expect(error).toEqual({
      code: 'missing_subscription_id',
      json: { message: 'subscriptionId required: no current subscription found' },
    })
    expect(app.emulator.state.tables.usageEvents.size).toBe(before)
  })

  it('applies usagePolicy (403 naming the rule) before anything is recorded', async () => {
    const { app } = await signedUp('user_a', {
      usagePolicy: { allow: ['ai_tokens'], maxAmount: 100 },
    })
    const count = () => app.emulator.state.tables.usageEvents.size
    expect(
      (await app.call('user_a', 'usage-events/create', { usageMeterSlug: 'api_calls' })).error?.json
        .message,
    ).toMatch(/usagePolicy\.allow/)
    expect(
      (
        await app.call('user_a', 'usage-events/create', {
          usageMeterSlug: 'ai_tokens',
          amount: 101,
        })
      ).status,
    ).toBe(403)
    expect(count()).toBe(0)
    expect(
      (
        await app.call('user_a', 'usage-events/create', {
          usageMeterSlug: 'ai_tokens',
          amount: 100,
        })
      ).status,
    ).toBe(200)
    expect(count()).toBe(1)
  })
})

describe('usage-meters/balances', () => {
  it('shows balances after usage, and scopes to one own subscription', async () => {
    const { app, subscriptionId } = await signedUp()
    const tokens = async () => {
      const { status, data } = await app.call('user_a', 'usage-meters/balances')
      expect(status).toBe(200)
      const found = data.usageMeterBalances.find((b: { slug: string }) => b.slug === 'ai_tokens')
      return (found?.availableBalance ?? 0) as number
    }
    await app.call('user_a', 'usage-events/create', { usageMeterSlug: 'ai_tokens', amount: 1 })
    const before = await tokens()
    await app.call('user_a', 'usage-events/create', { usageMeterSlug: 'ai_tokens', amount: 7 })
    expect(await tokens()).toBe(before - 7)
    const one = await app.call('user_a', 'usage-meters/balances', { subscriptionId })
    expect(one.status).toBe(200)
    expect(
      one.data.usageMeterBalances.every(
        (b: { subscriptionId: string }) => b.subscriptionId === subscriptionId,
      ),
    ).toBe(true)
  })

  it('answers 400 for an unknown key (strict schema)', async () => {
    const { app } = await signedUp()
    expect((await app.call('user_a', 'usage-meters/balances', { subscription: 'x' })).status).toBe(
      400,
    )
  })
})

describe('API errors map onto the catalogue', () => {
  it('API 400 → 400 validation_error, with the API code and request id, not its text', async () => {
    const { app, subscriptionId } = await signedUp()
    // The emulator refuses to cancel a free plan with 400 BAD_REQUEST.
    const { status, error } = await app.call('user_a', 'subscriptions/cancel', {
      id: subscriptionId,
      cancellation: { timing: 'immediately' },
    })
    expect(status).toBe(400)
    expect(error).toMatchObject({
      code: 'validation_error',
      json: {
        message: 'The Flowglad API refused the request as invalid',
        apiCode: 'BAD_REQUEST',
        requestId: expect.any(String),
      },
    })
  })

  it.each([
    ['429', 429, 'rate_limited'],
    ['500', 502, 'upstream_unavailable'],
    ['503', 502, 'upstream_unavailable'],
    ['reset', 502, 'upstream_unavailable'],
  ] as const)('API fault %s → %i %s, nothing recorded', async (mode, status, code) => {
    const { app } = await signedUp()
    app.setFault(mode)
    const answer = await app.call('user_a', 'usage-events/create', { usageMeterSlug: 'ai_tokens' })
    expect([answer.status, answer.error?.code]).toEqual([status, code])
    expect(answer.data).toBeNull()
    expect(app.emulator.state.tables.usageEvents.size).toBe(0)
  })
})
