import { describe, expect, it } from 'vitest'
import { setup } from '../../test/helpers.js'
import { validateRequest } from '../../test/openapi.js'
import { pricingFixtureNames, readPricingFixture } from '../../test/pricing-fixtures.js'
import type { State } from '../store/state.js'

/**
 * A model's rows without ids, timestamps or owner ids (references become slugs), so two
 * models can be compared. Products around a usage price (older shape) are left out: the
 * current shape that export writes has no place for them.
 */
function modelRows(state: State, modelId: string) {
  const { tables } = state
  const own = <R extends { pricingModelId: string }>(table: Map<string, R>) =>
    [...table.values()].filter((row) => row.pricingModelId === modelId)
  const wrappers = new Set([...tables.usagePriceProducts.values()].map((l) => l.productId))
  const slugOf = (table: Map<string, { slug: string | null }>, id: string | null) =>
    id === null ? null : (table.get(id)?.slug ?? null)
  const strip = ({ id, createdAt, updatedAt, pricingModelId, ...rest }: Record<string, unknown>) =>
    rest
  return {
    products: own(tables.products)
      .filter((p) => !wrappers.has(p.id))
      .map((p) => ({
        ...strip({ ...p }),
        features: [...tables.productFeatures.values()]
          .filter((pf) => pf.productId === p.id)
          .map((pf) => tables.features.get(pf.featureId)?.slug),
      })),
    prices: own(tables.prices).map((p) => ({
      ...strip({ ...p }),
      productId: slugOf(tables.products, p.productId),
      usageMeterId: slugOf(tables.usageMeters, p.usageMeterId),
    })),
    usageMeters: own(tables.usageMeters).map((m) => strip({ ...m })),
    features: own(tables.features).map((f) => ({
      ...strip({ ...f }),
      usageMeterId: slugOf(tables.usageMeters, f.usageMeterId),
      ...(f.type === 'resource' ? { resourceId: slugOf(tables.resources, f.resourceId) } : {}),
    })),
    resources: own(tables.resources).map((r) => strip({ ...r })),
  }
}

const fixtures = pricingFixtureNames()

describe('POST /pricing-models/setup and GET /pricing-models/{id}/export', () => {
  it('has the reference example and at least four more fixtures', () => {
    expect(fixtures).toContain('acme-ai.yaml')
    expect(fixtures.length).toBeGreaterThanOrEqual(5)
  })

  for (const name of fixtures) {
    it(`${name}: setup(export(model)) builds the same model again`, async () => {
      const { api, emulator } = setup()
      const file = readPricingFixture(name)
      const created = await api.post('/pricing-models/setup', file)
      expect(created.status, created.text).toBe(200)
      const model = created.body.pricingModel
      expect(model.name).toBe(file.name)
      expect((await api.get(`/pricing-models/${model.id}`)).body.pricingModel).toEqual(model)

      const first = await api.get(`/pricing-models/${model.id}/export`)
      expect(first.status, first.text).toBe(200)
      expect(first.body.updatedAt).toBe(model.updatedAt)
      // Whatever shape the file had, its export is a valid setup body of the current shape.
      validateRequest('pricingModels-setup', first.body.pricingModel)
      const again = await api.post('/pricing-models/setup', first.body.pricingModel)
      expect(again.status, again.text).toBe(200)
      const second = await api.get(`/pricing-models/${again.body.pricingModel.id}/export`)
      expect(second.body.pricingModel).toEqual(first.body.pricingModel)
      expect(modelRows(emulator.state, again.body.pricingModel.id)).toEqual(
        modelRows(emulator.state, model.id),
      )
    })
  }

  it('exports every part of a current-shape file as written', async () => {
    const { api } = setup()
    const created = await api.post(
      '/pricing-models/setup',
      readPricingFixture('studio-current.yaml'),
    )
    const exported = (await api.get(`/pricing-models/${created.body.pricingModel.id}/export`)).body
      .pricingModel
    expect(exported.resources).toEqual([
      { slug: 'seats', name: 'Seats', active: true },
      { slug: 'projects', name: 'Projects', active: true },
    ])
    expect(exported.features.find((f: { slug: string }) => f.slug === 'team_seats')).toEqual({
      type: 'resource',
      slug: 'team_seats',
      name: '5 seats',
      description: 'Five team members',
      active: true,
      amount: 5,
      resourceSlug: 'seats',
    })
    const team = exported.products.find(
      (p: { product: { slug: string } }) => p.product.slug === 'team',
    )
    expect(team).toEqual({
      product: {
        name: 'Team',
        slug: 'team',
        description: 'For studios',
        imageURL: 'https://example.com/team.png',
        active: true,
        default: false,
        singularQuantityLabel: 'member',
        pluralQuantityLabel: 'members',
      },
      price: {
        type: 'subscription',
        slug: 'team_monthly',
        name: 'Team, monthly',
        unitPrice: 4900,
        isDefault: true,
        active: true,
        currency: 'USD',
        intervalUnit: 'month',
        intervalCount: 1,
        trialPeriodDays: 7,
        usageEventsPerUnit: null,
        usageMeterId: null,
      },
      features: ['exports', 'render_minutes_monthly', 'team_seats', 'team_projects'],
    })
    const legacy = exported.products.find(
      (p: { product: { slug: string } }) => p.product.slug === 'legacy',
    )
    expect(legacy.product.active).toBe(false)
    expect(legacy.price.active).toBe(false)
    const render = exported.usageMeters.find(
      (m: { usageMeter: { slug: string } }) => m.usageMeter.slug === 'render_minutes',
    )
    expect(
      render.prices.map((p: { slug: string; isDefault: boolean }) => [p.slug, p.isDefault]),
    ).toEqual([
      ['render_minutes_no_charge', false],
      ['render_minutes', true],
      ['render_minutes_old', false],
    ])
  })
})

describe('what setup creates', () => {
  it('every meter gets one <slug>_no_charge price, the default only when no price is', async () => {
    const { api } = setup()
    const res = await api.post(
      '/pricing-models/setup',
      readPricingFixture('analytics-current.json'),
    )
    const meters = Object.fromEntries(
      res.body.pricingModel.usageMeters.map((m: { slug: string }) => [m.slug, m]),
    )
    const slugs = (slug: string) =>
      meters[slug].prices.map((p: { slug: string; isDefault: boolean }) => [p.slug, p.isDefault])
    expect(slugs('viewers')).toEqual([
      ['viewers_no_charge', false],
      ['viewers', true],
    ])
    // Declared by the file: stands in for the implicit one (no second `events_no_charge`).
    expect(slugs('events')).toEqual([
      ['events_no_charge', false],
      ['events', false],
    ])
    expect(meters.viewers.prices[0]).toMatchObject({ unitPrice: 0, usageEventsPerUnit: 1 })
  })

  it('a meter with no price of its own defaults to its no-charge price', async () => {
    const { api } = setup()
    const res = await api.post('/pricing-models/setup', readPricingFixture('studio-current.yaml'))
    const storage = res.body.pricingModel.usageMeters.find(
      (m: { slug: string }) => m.slug === 'storage',
    )
    expect(storage.defaultPrice).toMatchObject({
      slug: 'storage_no_charge',
      name: 'Storage - No Charge',
      unitPrice: 0,
      usageEventsPerUnit: 1,
    })
  })

  it('an older-shape product around a usage price keeps its fields and lists that price', async () => {
    const { api, emulator } = setup()
    const res = await api.post('/pricing-models/setup', readPricingFixture('chatbot-flat.yaml'))
    const model = res.body.pricingModel
    const messages = model.products.find((p: { slug: string }) => p.slug === 'messages')
    expect(messages).toMatchObject({
      name: 'Messages',
      slug: 'messages',
      description: 'Messages over the included ones',
      imageURL: 'https://example.com/messages.svg',
      singularQuantityLabel: 'message',
      pluralQuantityLabel: 'messages',
    })
    expect(messages.prices.map((p: { slug: string }) => p.slug)).toEqual(['messages_overage'])
    const price = messages.prices[0]
    expect(price).toMatchObject({ type: 'usage', unitPrice: 2, usageEventsPerUnit: 10 })
    // The wire keeps `productId: null` for usage prices (OpenAPI); the link is stored.
    expect(emulator.state.tables.usagePriceProducts.get(price.id)?.productId).toBe(messages.id)
    const annual = model.products.find((p: { slug: string }) => p.slug === 'messages_annual')
    expect(annual.prices[0]).toMatchObject({ slug: 'messages_annual', intervalUnit: 'year' })
    // Both declared `isDefault` for their product; on the shared meter the first one wins.
    const meter = model.usageMeters.find((m: { slug: string }) => m.slug === 'messages')
    expect(meter.defaultPrice.slug).toBe('messages_overage')
  })

  it('loads inactive products and prices as inactive, trials and grants as written', async () => {
    const { api, emulator } = setup()
    const res = await api.post('/pricing-models/setup', readPricingFixture('studio-current.yaml'))
    const id = res.body.pricingModel.id
    const rows = <R extends { pricingModelId: string }>(table: Map<string, R>) =>
      [...table.values()].filter((r) => r.pricingModelId === id)
    const { tables } = emulator.state
    const bySlug = <R extends { slug: string | null }>(list: R[], slug: string) =>
      list.find((r) => r.slug === slug)
    const products = rows(tables.products)
    const prices = rows(tables.prices)
    expect(bySlug(products, 'legacy')?.active).toBe(false)
    expect(bySlug(prices, 'legacy_monthly')?.active).toBe(false)
    expect(bySlug(prices, 'render_minutes_old')?.active).toBe(false)
    expect(bySlug(prices, 'team_monthly')).toMatchObject({ trialPeriodDays: 7 })
    expect(res.body.pricingModel.products.map((p: { slug: string }) => p.slug)).not.toContain(
      'legacy',
    )
    const features = rows(tables.features)
    expect(bySlug(features, 'render_minutes_pack')).toMatchObject({
      type: 'usage_credit_grant',
      renewalFrequency: 'once',
      amount: 1000,
    })
    expect(bySlug(features, 'render_minutes_monthly')).toMatchObject({
      renewalFrequency: 'every_billing_period',
    })
    const seats = bySlug(rows(tables.resources), 'seats')
    expect(bySlug(features, 'team_seats')).toMatchObject({
      type: 'resource',
      resourceId: seats?.id,
    })
  })

  it('an isDefault: false model leaves the default model as it is', async () => {
    const { api } = setup()
    const before = (await api.get('/pricing-models/default')).body.pricingModel
    const res = await api.post(
      '/pricing-models/setup',
      readPricingFixture('analytics-current.json'),
    )
    expect(res.body.pricingModel.isDefault).toBe(false)
    expect((await api.get('/pricing-models/default')).body.pricingModel.id).toBe(before.id)
    const list = (await api.get('/pricing-models')).body
    const flags = list.data.map((m: { id: string; isDefault: boolean }) => [m.id, m.isDefault])
    expect(flags).toEqual(
      expect.arrayContaining([
        [before.id, true],
        [res.body.pricingModel.id, false],
      ]),
    )
  })

  it('an isDefault: true model becomes the only default', async () => {
    const { api } = setup()
    const res = await api.post('/pricing-models/setup', readPricingFixture('acme-ai.yaml'))
    const list = (await api.get('/pricing-models')).body.data
    const defaults = list.filter((m: { isDefault: boolean }) => m.isDefault)
    expect(list).toHaveLength(2)
    expect(defaults.map((m: { id: string }) => m.id)).toEqual([res.body.pricingModel.id])
    expect((await api.get('/pricing-models/default')).body.pricingModel.id).toBe(
      res.body.pricingModel.id,
    )
  })
})

describe('setup refuses bad bodies with every problem, and writes nothing', () => {
  it('lists every schema problem as issues', async () => {
    const { api, emulator } = setup()
    const before = emulator.state.tables.pricingModels.size
    const res = await api.post('/pricing-models/setup', {
      name: '',
      products: [
        {
          product: { name: 'Pro', active: true },
          price: {
            type: 'subscription',
            unitPrice: -5,
            intervalUnit: 'fortnight',
            intervalCount: 1,
          },
        },
      ],
      usageMeters: [{ usageMeter: { name: 'Tokens' } }],
    })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('BAD_REQUEST')
    const paths = res.body.error.map((i: { path: (string | number)[] }) => i.path.join('.'))
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'products.0.product.slug',
        'products.0.price.unitPrice',
        'products.0.price.intervalUnit',
        'usageMeters.0.usageMeter.slug',
      ]),
    )
    expect(emulator.state.tables.pricingModels.size).toBe(before)
  })

  it('names unknown feature, usage meter and resource slugs', async () => {
    const { api, emulator } = setup()
    const before = emulator.state.tables.products.size
    const res = await api.post('/pricing-models/setup', {
      name: 'Dangling',
      features: [
        {
          type: 'usage_credit_grant',
          slug: 'tokens',
          name: 'Tokens',
          amount: 5,
          renewalFrequency: 'once',
          usageMeterSlug: 'tokens',
        },
        { type: 'resource', slug: 'seats', name: 'Seats', amount: 2, resourceSlug: 'seats' },
      ],
      products: [
        {
          product: { name: 'Pro', slug: 'pro', active: true },
          price: { type: 'subscription', unitPrice: 100, intervalUnit: 'month', intervalCount: 1 },
          features: ['priority_support'],
        },
        {
          product: { name: 'Calls', slug: 'calls', active: true },
          price: {
            type: 'usage',
            unitPrice: 1,
            usageEventsPerUnit: 1,
            usageMeterSlug: 'api_calls',
          },
          features: [],
        },
      ],
      usageMeters: [],
    })
    expect(res.status).toBe(400)
    expect(res.body.error).toEqual([
      {
        code: 'custom',
        path: ['features', 0, 'usageMeterSlug'],
        message: 'unknown usage meter tokens (feature tokens)',
      },
      {
        code: 'custom',
        path: ['features', 1, 'resourceSlug'],
        message: 'unknown resource seats (feature seats)',
      },
      {
        code: 'custom',
        path: ['products', 0, 'features', 0],
        message: 'unknown feature priority_support (product pro)',
      },
      {
        code: 'custom',
        path: ['products', 1, 'price', 'usageMeterSlug'],
        message: 'unknown usage meter api_calls (product calls)',
      },
    ])
    expect(emulator.state.tables.products.size).toBe(before)
  })

  it('refuses repeated slugs, two default products and a paid default product', async () => {
    const { api } = setup()
    const free = (slug: string, unitPrice: number) => ({
      product: { name: slug, slug, active: true, default: true },
      price: { type: 'single_payment', slug, unitPrice },
      features: [],
    })
    const res = await api.post('/pricing-models/setup', {
      name: 'Twice',
      products: [free('a', 0), free('a', 100)],
      usageMeters: [{ name: 'M', slug: 'm' }, { usageMeter: { name: 'M', slug: 'm' } }],
    })
    expect(res.status).toBe(400)
    const messages = res.body.error.map((i: { message: string }) => i.message)
    expect(messages).toEqual(
      expect.arrayContaining([
        'duplicate usage meter slug m',
        'duplicate product slug a',
        'duplicate price slug a',
        'duplicate price slug m_no_charge',
        'at most one product may be the default',
        'the default product a must have a free subscription or single_payment price',
      ]),
    )
  })

  it('a body that is not JSON is a 400', async () => {
    const { api } = setup()
    const res = await api.call('POST', '/pricing-models/setup', undefined, 'name: yaml')
    expect(res.status).toBe(400)
  })
})

describe('POST, PUT and GET /pricing-models', () => {
  it('creates a bare model, renames it and makes it the default', async () => {
    const { api } = setup()
    const created = await api.post('/pricing-models', { pricingModel: { name: 'Spare' } })
    expect(created.status, created.text).toBe(200)
    const { id } = created.body.pricingModel
    expect(created.body.pricingModel).toMatchObject({ name: 'Spare', isDefault: false })
    const renamed = await api.put(`/pricing-models/${id}`, {
      pricingModel: { id, name: 'Renamed' },
    })
    expect(renamed.status, renamed.text).toBe(200)
    expect(renamed.body.pricingModel.name).toBe('Renamed')
    const made = await api.put(`/pricing-models/${id}`, { pricingModel: { id, isDefault: true } })
    expect(made.body.pricingModel.isDefault).toBe(true)
    expect((await api.get('/pricing-models/default')).body.pricingModel).toMatchObject({
      id,
      name: 'Renamed',
      products: [],
    })
    const list = (await api.get('/pricing-models')).body
    expect(list.total).toBe(2)
    expect(list.data.filter((m: { isDefault: boolean }) => m.isDefault)).toHaveLength(1)
  })

  it('PUT refuses another id, structure changes and un-defaulting the default', async () => {
    const { api } = setup()
    const model = (await api.get('/pricing-models/default')).body.pricingModel
    const put = (body: unknown) => api.put(`/pricing-models/${model.id}`, body)
    expect((await put({ pricingModel: { id: 'pricing_model_other', name: 'X' } })).status).toBe(400)
    const structure = await put({ pricingModel: { id: model.id, features: [] } })
    expect(structure.status).toBe(400)
    expect(structure.body.error).toMatch(/does not update features/)
    expect((await put({ pricingModel: { id: model.id, isDefault: false } })).status).toBe(400)
    expect((await put({ pricingModel: { name: 'no id' } })).status).toBe(400)
    expect((await api.put('/pricing-models/pricing_model_nope', {})).status).toBe(404)
    expect((await api.get('/pricing-models/pricing_model_nope/export')).status).toBe(404)
  })
})
