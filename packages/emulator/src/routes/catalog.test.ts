import { describe, expect, it } from 'vitest'
import { newCustomer, setup } from '../../test/helpers.js'

describe('catalogue', () => {
  it('the demo seed has the documented products, prices and meters', async () => {
    const { api } = setup()
    const pm = (await api.get('/pricing-models/default')).body.pricingModel
    expect(pm).toMatchObject({ name: 'Demo', isDefault: true })
    expect(pm.defaultProduct.slug).toBe('free')
    const free = pm.products.find((p: { slug: string }) => p.slug === 'free')
    expect(free.defaultPrice).toMatchObject({
      slug: 'free',
      unitPrice: 0,
      intervalUnit: 'month',
      currency: 'USD',
    })
    expect(free.features).toEqual([
      expect.objectContaining({
        slug: 'free_tokens',
        type: 'usage_credit_grant',
        amount: 10_000,
        renewalFrequency: 'every_billing_period',
      }),
    ])
    const pro = pm.products.find((p: { slug: string }) => p.slug === 'pro')
    expect(pro.defaultPrice).toMatchObject({ slug: 'pro_monthly', unitPrice: 2000 })
    expect(pro.features.map((f: { slug: string; type: string }) => [f.slug, f.type])).toEqual([
      ['advanced_models', 'toggle'],
      ['pro_tokens', 'usage_credit_grant'],
    ])
    const meters = Object.fromEntries(pm.usageMeters.map((m: { slug: string }) => [m.slug, m]))
    expect(meters.ai_tokens.defaultPrice).toMatchObject({
      slug: 'ai_tokens',
      unitPrice: 1,
      usageEventsPerUnit: 1000,
      productId: null,
    })
    expect(meters.api_calls.defaultPrice).toMatchObject({ unitPrice: 1, usageEventsPerUnit: 100 })
    expect(meters.active_users).toMatchObject({ aggregationType: 'count_distinct_properties' })
    expect(meters.active_users.defaultPrice).toMatchObject({
      unitPrice: 500,
      usageEventsPerUnit: 1,
    })
    expect((await api.get(`/pricing-models/${pm.id}`)).body.pricingModel).toEqual(pm)
    expect((await api.get('/pricing-models/pricing_model_nope')).status).toBe(404)
  })

  it('creating a meter creates its <slug>_no_charge default price', async () => {
    const { api } = setup()
    const res = await api.post('/usage-meters', { usageMeter: { name: 'Seats', slug: 'seats' } })
    expect(res.status).toBe(200)
    const meter = res.body.usageMeter
    expect(meter).toMatchObject({ slug: 'seats', aggregationType: 'sum' })
    const prices = (await api.get('/prices?limit=100')).body.data.filter(
      (p: { usageMeterId: string | null }) => p.usageMeterId === meter.id,
    )
    expect(prices).toEqual([
      expect.objectContaining({
        slug: 'seats_no_charge',
        unitPrice: 0,
        usageEventsPerUnit: 1,
        isDefault: true,
        type: 'usage',
      }),
    ])
    // With a unit price, a second (default) price with the meter slug is created.
    const priced = await api.post('/usage-meters', {
      usageMeter: { name: 'GPU', slug: 'gpu', aggregationType: 'sum' },
      price: { unitPrice: 9, usageEventsPerUnit: 60 },
    })
    const gpuPrices = (await api.get('/prices?limit=100')).body.data.filter(
      (p: { usageMeterId: string | null }) => p.usageMeterId === priced.body.usageMeter.id,
    )
    // Both prices share a createdAt, so list order between them is by (random) id.
    const flags = gpuPrices.map((p: { slug: string; isDefault: boolean }) => [p.slug, p.isDefault])
    expect(flags.sort()).toEqual([
      ['gpu', true],
      ['gpu_no_charge', false],
    ])
    const { subscriptionId } = await newCustomer(api, 'cat1')
    const ev = await api.post('/usage-events', {
      usageEvent: { subscriptionId, amount: 1, transactionId: 't', usageMeterSlug: 'seats' },
    })
    expect(ev.body.usageEvent.priceId).toBe(prices[0].id)
    expect(
      (await api.post('/usage-meters', { usageMeter: { name: 'Seats', slug: 'seats' } })).status,
    ).toBe(400)
  })

  it('gets, updates and lists meters', async () => {
    const { api } = setup()
    const list = (await api.get('/usage-meters')).body
    expect(list.total).toBe(3)
    const id = list.data[0].id
    expect((await api.get(`/usage-meters/${id}`)).body.usageMeter.id).toBe(id)
    const put = await api.put(`/usage-meters/${id}`, { usageMeter: { id, name: 'Renamed' } })
    expect(put.body.usageMeter.name).toBe('Renamed')
    expect((await api.get('/usage-meters/usage_meter_nope')).status).toBe(404)
  })

  it('paginates with limit and cursor', async () => {
    const { api } = setup()
    const all = (await api.get('/prices?limit=100')).body
    expect(all.total).toBe(all.data.length)
    expect(all.hasMore).toBe(false)
    const seen: string[] = []
    let page = (await api.get('/prices?limit=2')).body
    seen.push(...page.data.map((p: { id: string }) => p.id))
    while (page.hasMore) {
      expect(page.data).toHaveLength(2)
      page = (await api.get(`/prices?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`)).body
      seen.push(...page.data.map((p: { id: string }) => p.id))
    }
    expect(seen).toEqual(all.data.map((p: { id: string }) => p.id))
    expect((await api.get('/prices')).body.data).toHaveLength(Math.min(10, all.total))
    for (const bad of [
      'limit=0',
      'limit=101',
      'limit=abc',
      'limit=1&limit=2',
      'cursor=%%%',
      'cursor=abc',
    ]) {
      const res = await api.get(`/prices?${bad}`)
      expect(res.status, bad).toBe(400)
      expect(res.body.code).toBe('BAD_REQUEST')
    }
  })

  it('creates products and prices', async () => {
    const { api } = setup()
    const pm = (await api.get('/pricing-models/default')).body.pricingModel
    const created = await api.post('/products', {
      product: { name: 'Team', slug: 'team', active: true, pricingModelId: pm.id },
      price: {
        type: 'subscription',
        unitPrice: 5000,
        intervalUnit: 'year',
        intervalCount: 1,
        isDefault: true,
        slug: 'team_yearly',
      },
    })
    expect(created.status).toBe(200)
    const product = (await api.get(`/products/${created.body.product.id}`)).body
    expect(product.defaultPrice).toMatchObject({
      slug: 'team_yearly',
      unitPrice: 5000,
      intervalUnit: 'year',
    })
    const price = await api.post('/prices', {
      price: {
        type: 'single_payment',
        productId: product.id,
        unitPrice: 100,
        isDefault: false,
        slug: 'team_setup',
      },
    })
    expect(price.body.price).toMatchObject({ type: 'single_payment', productId: product.id })
    expect((await api.get(`/prices/${price.body.price.id}`)).body.price).toEqual(price.body.price)
    expect((await api.get('/products/prod_nope')).status).toBe(404)
  })

  it('checkout sessions return { checkoutSession, url } and validate the price', async () => {
    const { api } = setup()
    await newCustomer(api, 'co1')
    const base = {
      customerExternalId: 'co1',
      successUrl: 'https://e.com/s',
      cancelUrl: 'https://e.com/c',
    }
    const res = await api.post('/checkout-sessions', {
      checkoutSession: { ...base, type: 'product', priceSlug: 'pro_monthly' },
    })
    expect(res.status).toBe(200)
    expect(res.body.checkoutSession).toMatchObject({ status: 'open', type: 'product', quantity: 1 })
    expect(res.body.url).toBe(`http://emulator.local/checkout/${res.body.checkoutSession.id}`)
    for (const priceSlug of ['free', 'ai_tokens']) {
      const bad = await api.post('/checkout-sessions', {
        checkoutSession: { ...base, type: 'product', priceSlug },
      })
      expect(bad.status, priceSlug).toBe(400)
    }
    const nobody = await api.post('/checkout-sessions', {
      checkoutSession: {
        ...base,
        customerExternalId: 'zz',
        type: 'product',
        priceSlug: 'pro_monthly',
      },
    })
    expect(nobody.status).toBe(404)
  })
})
