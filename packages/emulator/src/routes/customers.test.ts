import { describe, expect, it } from 'vitest'
import { DAY, newCustomer, setup, T0 } from '../../test/helpers.js'

describe('customers', () => {
  it('POST /customers wraps in data and auto-subscribes to the free plan', async () => {
    const { api } = setup()
    const res = await api.post('/customers', {
      customer: { externalId: 'c1', email: 'c1@example.com', name: 'C One' },
    })
    expect(res.status).toBe(200)
    const { customer, subscription, subscriptionItems } = res.body.data
    expect(customer).toMatchObject({ externalId: 'c1', email: 'c1@example.com', archived: false })
    expect(customer.id).toMatch(/^cust_[0-9A-Za-z]{21}$/)
    expect(subscription).toMatchObject({
      customerId: customer.id,
      status: 'active',
      isFreePlan: true,
      current: true,
      name: 'Free Subscription',
      startDate: T0,
    })
    expect(subscriptionItems).toHaveLength(1)
    const pm = (await api.get('/pricing-models/default')).body.pricingModel
    const free = pm.products.find((p: { slug: string }) => p.slug === 'free')
    expect(subscription.priceId).toBe(free.defaultPrice.id)
  })

  it('GET and PUT /customers/{externalId}', async () => {
    const { api } = setup()
    await newCustomer(api, 'c2')
    expect((await api.get('/customers/c2')).body.customer.externalId).toBe('c2')
    const put = await api.put('/customers/c2', { customer: { name: 'Renamed', domain: 'x.com' } })
    expect(put.status).toBe(200)
    expect(put.body.customer).toMatchObject({
      name: 'Renamed',
      domain: 'x.com',
      email: 'c2@example.com',
    })
    expect((await api.get('/customers/c2')).body.customer.name).toBe('Renamed')
    expect((await api.put('/customers/nobody', { customer: { name: 'x' } })).status).toBe(404)
  })

  it('an archived customer is 404 NOT_FOUND', async () => {
    const { api } = setup()
    await newCustomer(api, 'c3')
    await api.put('/customers/c3', { customer: { archived: true } })
    const res = await api.get('/customers/c3')
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('NOT_FOUND')
  })

  it('archive cancels current subscriptions and frees the externalId', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'arch')
    const res = await api.post('/customers/arch/archive', {})
    expect(res.status).toBe(200)
    expect(res.body.customer.archived).toBe(true)
    expect((await api.get(`/subscriptions/${subscriptionId}`)).body.subscription.status).toBe(
      'canceled',
    )
    expect((await api.get('/customers/arch')).status).toBe(404)
    const again = await newCustomer(api, 'arch')
    expect(again.customer.id).not.toBe(res.body.customer.id)
  })

  it('billing carries every documented key', async () => {
    const { api } = setup()
    const { subscriptionId } = await newCustomer(api, 'b1')
    const res = await api.get('/customers/b1/billing')
    expect(res.status).toBe(200)
    const body = res.body
    expect(Object.keys(body).sort()).toEqual(
      [
        'billingPortalUrl',
        'catalog',
        'currentSubscription',
        'currentSubscriptions',
        'customer',
        'invoices',
        'paymentMethods',
        'pricingModel',
        'purchases',
        'subscriptions',
      ].sort(),
    )
    expect(body.catalog).toEqual(body.pricingModel)
    expect(body.pricingModel.name).toBe('Demo')
    expect(body.pricingModel.products.map((p: { slug: string }) => p.slug).sort()).toEqual([
      'free',
      'pro',
    ])
    expect(body.pricingModel.usageMeters.map((m: { slug: string }) => m.slug).sort()).toEqual([
      'active_users',
      'ai_tokens',
      'api_calls',
    ])
    expect(body.currentSubscription.id).toBe(subscriptionId)
    expect(body.currentSubscriptions.map((s: { id: string }) => s.id)).toEqual([subscriptionId])
    const sub = body.currentSubscription
    expect(sub.subscriptionItems[0].price.slug).toBe('free')
    expect(sub.experimental.featureItems.map((f: { slug: string }) => f.slug)).toEqual([
      'free_tokens',
    ])
    expect(sub.experimental.usageMeterBalances).toEqual([
      expect.objectContaining({ slug: 'ai_tokens', availableBalance: 10_000, subscriptionId }),
    ])
  })
})

describe('subscriptions', () => {
  it('a paid subscription cancels the free plan with upgraded_to_paid', async () => {
    const { api } = setup()
    const { customer, subscriptionId: freeId } = await newCustomer(api, 's1')
    const res = await api.post('/subscriptions', {
      customerId: customer.id,
      priceSlug: 'pro_monthly',
    })
    expect(res.status).toBe(200)
    const pro = res.body.subscription
    expect(pro).toMatchObject({ status: 'active', isFreePlan: false, current: true, renews: true })
    const free = (await api.get(`/subscriptions/${freeId}`)).body.subscription
    expect(free).toMatchObject({
      status: 'canceled',
      cancellationReason: 'upgraded_to_paid',
      current: false,
      replacedBySubscriptionId: pro.id,
    })
    const billing = (await api.get('/customers/s1/billing')).body
    expect(billing.subscriptions).toHaveLength(2)
    expect(billing.currentSubscriptions.map((s: { id: string }) => s.id)).toEqual([pro.id])
    expect(billing.currentSubscription.id).toBe(pro.id)
    const features = billing.currentSubscription.experimental.featureItems
    expect(features.map((f: { slug: string }) => f.slug).sort()).toEqual([
      'advanced_models',
      'pro_tokens',
    ])
  })

  it('accepts customerExternalId + priceId, rejects bad combos and usage prices', async () => {
    const { api } = setup()
    await newCustomer(api, 's2')
    const pm = (await api.get('/pricing-models/default')).body.pricingModel
    const proPrice = pm.products.find((p: { slug: string }) => p.slug === 'pro').defaultPrice.id
    const ok = await api.post('/subscriptions', { customerExternalId: 's2', priceId: proPrice })
    expect(ok.status).toBe(200)
    expect((await api.post('/subscriptions', { customerExternalId: 's2' })).status).toBe(400)
    const usage = await api.post('/subscriptions', {
      customerExternalId: 's2',
      priceSlug: 'ai_tokens',
    })
    expect(usage.status).toBe(400)
    const nobody = await api.post('/subscriptions', {
      customerExternalId: 'zz',
      priceSlug: 'pro_monthly',
    })
    expect(nobody.status).toBe(404)
  })

  it('cancel at period end, uncancel, cancel immediately; the free plan cannot be canceled', async () => {
    const { api, emulator } = setup()
    const { subscriptionId: freeId } = await newCustomer(api, 's3')
    const freeCancel = await api.post(`/subscriptions/${freeId}/cancel`, {
      cancellation: { timing: 'immediately' },
    })
    expect(freeCancel.status).toBe(400)
    const pro = (
      await api.post('/subscriptions', { customerExternalId: 's3', priceSlug: 'pro_monthly' })
    ).body.subscription
    const scheduled = await api.post(`/subscriptions/${pro.id}/cancel`, {
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    expect(scheduled.body.subscription).toMatchObject({
      status: 'cancellation_scheduled',
      cancelScheduledAt: pro.currentBillingPeriodEnd,
      current: true,
    })
    const un = await api.post(`/subscriptions/${pro.id}/uncancel`, {})
    expect(un.body.subscription).toMatchObject({ status: 'active', cancelScheduledAt: null })
    // An empty body is accepted by uncancel.
    expect(
      (await api.call('POST', `/subscriptions/${pro.id}/uncancel`, undefined, '')).status,
    ).toBe(200)

    await api.post(`/subscriptions/${pro.id}/cancel`, {
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    emulator.clock.advance(31 * DAY)
    const ended = (await api.get(`/subscriptions/${pro.id}`)).body.subscription
    expect(ended).toMatchObject({
      status: 'canceled',
      canceledAt: pro.currentBillingPeriodEnd,
      current: false,
    })

    const pro2 = (
      await api.post('/subscriptions', { customerExternalId: 's3', priceSlug: 'pro_monthly' })
    ).body.subscription
    const now = emulator.clock.now()
    const immediate = await api.post(`/subscriptions/${pro2.id}/cancel`, {
      cancellation: { timing: 'immediately' },
    })
    expect(immediate.body.subscription).toMatchObject({ status: 'canceled', canceledAt: now })
    // Cancelling a terminal subscription returns it unchanged.
    const again = await api.post(`/subscriptions/${pro2.id}/cancel`, {
      cancellation: { timing: 'immediately' },
    })
    expect(again.body.subscription).toEqual(immediate.body.subscription)
    expect((await api.get('/subscriptions/sub_missing')).status).toBe(404)
  })
})
