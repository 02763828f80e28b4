import { FlowgladActionKey, isHybridActionKey } from '@flowglad/shared'
import { describe, expect, it } from 'vitest'
import { createEmulatorApp } from '../../test/handler/emulator-app.js'

// The actions added for upstream 0.18 and its next release, through the real FlowgladServer
// against the emulator: success, ownership refusal (403, nothing changed), bad input (400).

async function signedUp(user = 'user_a') {
  const app = createEmulatorApp()
  const billing = await app.call(user, 'customers/billing')
  expect(billing.status).toBe(200)
  return { app, billing: billing.data }
}

describe('pricing-models/retrieve (hybrid)', () => {
  it('signed out: the default pricing model, source "default", from one admin read', async () => {
    const app = createEmulatorApp()
    const { status, data, error } = await app.call(null, 'pricing-models/retrieve')
    expect(error).toBeNull()
    expect(status).toBe(200)
    expect(data.source).toBe('default')
    expect(data.pricingModel.isDefault).toBe(true)
    expect(app.apiCalls).toEqual(['GET /api/v1/pricing-models/default'])
  })

  it('signed in: the customer pricing model, source "customer", from one billing read', async () => {
    const { app, billing } = await signedUp()
    app.apiCalls.length = 0
    const { status, data } = await app.call('user_a', 'pricing-models/retrieve')
    expect(status).toBe(200)
    expect(data).toEqual({ pricingModel: billing.pricingModel, source: 'customer' })
    expect(app.apiCalls).toEqual(['GET /api/v1/customers/user_a/billing'])
  })

  it('an app auth that throws when signed out counts as signed out', async () => {
    const app = createEmulatorApp({
      getCustomerExternalId: () => {
        throw new Error('no session')
      },
    })
    const { status, data } = await app.call(null, 'pricing-models/retrieve')
    expect([status, data.source]).toEqual([200, 'default'])
  })

  it('signed in, a failing billing read is an error, never the default model', async () => {
    const { app } = await signedUp()
    app.setUnreachable(true)
    const { status, error } = await app.call('user_a', 'pricing-models/retrieve')
    expect([status, error?.code]).toEqual([502, 'upstream_unavailable'])
  })

  it('bad input is 400 signed in and out; another externalId is 403, before any API call', async () => {
    const app = createEmulatorApp()
    for (const user of [null, 'user_a']) {
      const { status, error } = await app.call(user, 'pricing-models/retrieve', { extra: 1 })
      expect([status, error?.code]).toEqual([400, 'validation_error'])
    }
    const foreign = await app.call('user_a', 'pricing-models/retrieve', { externalId: 'user_b' })
    expect([foreign.status, foreign.error?.code]).toEqual([403, 'forbidden'])
    expect(app.apiCalls).toEqual([])
  })

  it('signed out without a secret key is a 500 misconfiguration, not a client error', async () => {
    const saved = process.env.FLOWGLAD_SECRET_KEY
    delete process.env.FLOWGLAD_SECRET_KEY
    try {
      const app = createEmulatorApp({ flowgladAdmin: undefined })
      const { status, error } = await app.call(null, 'pricing-models/retrieve')
      expect([status, error?.code]).toEqual([500, 'internal_error'])
    } finally {
      if (saved !== undefined) process.env.FLOWGLAD_SECRET_KEY = saved
    }
  })

  it('no other action becomes reachable signed out: each is 401 with no API call', async () => {
    const app = createEmulatorApp()
    const authenticated = Object.values(FlowgladActionKey).filter((key) => !isHybridActionKey(key))
    expect(authenticated).toHaveLength(Object.values(FlowgladActionKey).length - 1)
    for (const key of authenticated) {
      const { status, error } = await app.call(null, key, {})
      expect([key, status, error?.code]).toEqual([key, 401, 'unauthenticated'])
    }
    expect(app.apiCalls).toEqual([])
  })
})

describe('subscriptions/adjust', () => {
  it('403 for a subscription of another customer: nothing is sent', async () => {
    const { app } = await signedUp('user_a')
    const other = await app.call('user_b', 'customers/billing')
    const foreignId = other.data.currentSubscription.id
    app.apiCalls.length = 0
    const { status, error } = await app.call('user_a', 'subscriptions/adjust', {
      priceSlug: 'pro_monthly',
      subscriptionId: foreignId,
    })
    expect([status, error?.code]).toEqual([403, 'forbidden'])
    expect(app.apiCalls.some((call) => call.includes('/adjust'))).toBe(false)
    expect(app.emulator.state.tables.subscriptions.get(foreignId)?.status).toBe(
      other.data.currentSubscription.status,
    )
  })

  it.each([
    [{}],
    [{ priceSlug: 'pro_monthly', priceId: 'price_1' }],
    [{ priceSlug: 'pro_monthly', quantity: 0 }],
    [{ priceSlug: 'pro_monthly', timing: 'tomorrow' }],
    [{ subscriptionItems: [] }],
  ])('400 for bad input %j, before any API call', async (body) => {
    const { app } = await signedUp()
    app.apiCalls.length = 0
    const { status, error } = await app.call('user_a', 'subscriptions/adjust', body)
    expect([status, error?.code]).toEqual([400, 'validation_error'])
    expect(app.apiCalls).toEqual([])
  })

  it('200: an upgrade (a second seat) applies now; the API answer comes back as is', async () => {
    const { app } = await signedUp()
    const pro = await app.serverFor('user_a').createSubscription({ priceSlug: 'pro_monthly' })
    const id = pro.subscription.id
    const { status, data, error } = await app.call('user_a', 'subscriptions/adjust', {
      priceSlug: 'pro_monthly',
      quantity: 2,
    })
    expect(error).toBeNull()
    expect(status).toBe(200)
    expect(data).toMatchObject({
      subscription: { id },
      isUpgrade: true,
      resolvedTiming: 'immediately',
    })
    expect(data.subscriptionItems.map((item: { quantity: number }) => item.quantity)).toEqual([2])
    const after = await app.call('user_a', 'customers/billing')
    expect(after.data.currentSubscription.id).toBe(id)
    expect(
      after.data.currentSubscription.subscriptionItems.map(
        (item: { quantity: number }) => item.quantity,
      ),
    ).toEqual([2])
  })
})

describe('read routes of the next upstream release (one billing read each)', () => {
  it('subscriptions/list: current ones, or all with includeHistorical', async () => {
    const { app, billing } = await signedUp()
    app.apiCalls.length = 0
    const current = await app.call('user_a', 'subscriptions/list')
    expect(current.data).toEqual({
      subscriptions: billing.currentSubscriptions,
      currentSubscriptions: billing.currentSubscriptions,
      currentSubscription: billing.currentSubscription,
    })
    const all = await app.call('user_a', 'subscriptions/list', { includeHistorical: true })
    expect(all.data.subscriptions).toEqual(billing.subscriptions)
    expect(app.apiCalls).toEqual([
      'GET /api/v1/customers/user_a/billing',
      'GET /api/v1/customers/user_a/billing',
    ])
  })

  it('features/access: toggle features once per slug; a foreign subscription is 403', async () => {
    const { app, billing } = await signedUp()
    const { status, data } = await app.call('user_a', 'features/access')
    expect(status).toBe(200)
    const toggles = billing.currentSubscription.experimental.featureItems.filter(
      (item: { type: string }) => item.type === 'toggle',
    )
    expect(data.features.map((f: { slug: string }) => f.slug)).toEqual([
      ...new Set(toggles.map((item: { slug: string }) => item.slug)),
    ])
    for (const feature of data.features) {
      expect(Object.keys(feature).sort()).toEqual(['id', 'livemode', 'name', 'slug'])
    }
    const foreign = await app.call('user_a', 'features/access', { subscriptionId: 'sub_other' })
    expect([foreign.status, foreign.error?.code]).toEqual([403, 'forbidden'])
  })

  it('payment-methods/list and customerDetails', async () => {
    const { app, billing } = await signedUp()
    const methods = await app.call('user_a', 'payment-methods/list')
    expect(methods.data).toEqual({
      paymentMethods: billing.paymentMethods,
      billingPortalUrl: billing.billingPortalUrl,
    })
    const details = await app.call('user_a', 'customerDetails')
    expect(details.data.customer).toEqual({
      id: billing.customer.id,
      livemode: billing.customer.livemode,
      email: billing.customer.email,
      name: billing.customer.name,
      externalId: 'user_a',
      createdAt: new Date(billing.customer.createdAt).toISOString(),
      updatedAt: new Date(billing.customer.updatedAt).toISOString(),
    })
  })

  it('invoices/list and purchases/list page after startingAfter, up to limit', async () => {
    const { app } = await signedUp()
    // The paid plan and its prorated upgrade are invoiced.
    await app.serverFor('user_a').createSubscription({ priceSlug: 'pro_monthly' })
    await app.call('user_a', 'subscriptions/adjust', { priceSlug: 'pro_monthly', quantity: 3 })
    const all = await app.call('user_a', 'invoices/list')
    expect(all.status).toBe(200)
    const ids = all.data.invoices.map((entry: { invoice: { id: string } }) => entry.invoice.id)
    expect(ids.length).toBeGreaterThan(0)
    const first = await app.call('user_a', 'invoices/list', { limit: 1 })
    expect(first.data.invoices).toHaveLength(1)
    const after = await app.call('user_a', 'invoices/list', { startingAfter: ids[0] })
    expect(after.data.invoices).toHaveLength(ids.length - 1)
    const unknownCursor = await app.call('user_a', 'invoices/list', { startingAfter: 'inv_x' })
    expect(unknownCursor.data.invoices).toHaveLength(ids.length)
    const purchases = await app.call('user_a', 'purchases/list', { limit: 5 })
    expect([purchases.status, Array.isArray(purchases.data.purchases)]).toEqual([200, true])
  })

  it.each([
    ['subscriptions/list', { includeHistorical: 'yes' }],
    ['features/access', { subscriptionId: '' }],
    ['payment-methods/list', { extra: true }],
    ['customerDetails', { extra: true }],
    ['invoices/list', { limit: -1 }],
    ['purchases/list', { startingAfter: 5 }],
  ])('%s: 400 for bad input %j, before any API call', async (path, body) => {
    const app = createEmulatorApp()
    const { status, error } = await app.call('user_a', path, body)
    expect([status, error?.code]).toEqual([400, 'validation_error'])
    expect(app.apiCalls).toEqual([])
  })

  it('another customer named in the body is 403 on every read route', async () => {
    const app = createEmulatorApp()
    for (const path of [
      'subscriptions/list',
      'features/access',
      'payment-methods/list',
      'customerDetails',
      'invoices/list',
      'purchases/list',
      'subscriptions/adjust',
    ]) {
      const { status } = await app.call('user_a', path, { externalId: 'user_b' })
      expect([path, status]).toEqual([path, 403])
    }
    expect(app.apiCalls).toEqual([])
  })
})

describe('FlowgladServer read views answer as the routes do', () => {
  it('getSubscriptions, getFeatureAccessItems, getPaymentMethods, getCustomerDetails, getInvoices, getPurchases', async () => {
    const { app } = await signedUp()
    const server = app.serverFor('user_a')
    const pairs: [string, unknown, Promise<unknown>][] = [
      [
        'subscriptions/list',
        { includeHistorical: true },
        server.getSubscriptions({ includeHistorical: true }),
      ],
      ['features/access', {}, server.getFeatureAccessItems()],
      ['payment-methods/list', {}, server.getPaymentMethods()],
      ['customerDetails', {}, server.getCustomerDetails()],
      ['invoices/list', { limit: 1 }, server.getInvoices({ limit: 1 })],
      ['purchases/list', {}, server.getPurchases()],
    ]
    for (const [path, body, direct] of pairs) {
      const routed = await app.call('user_a', path, body)
      expect([path, await direct]).toEqual([path, routed.data])
    }
    await expect(server.getFeatureAccessItems({ subscriptionId: 'sub_x' })).rejects.toMatchObject({
      code: 'forbidden',
    })
  })
})
