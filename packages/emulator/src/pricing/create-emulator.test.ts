import { describe, expect, it } from 'vitest'
import { newCustomer, setup } from '../../test/helpers.js'
import { pricingFixtureNames, readPricingFixture } from '../../test/pricing-fixtures.js'
import { EmulatorError } from '../errors.js'
import { createEmulator } from '../index.js'

describe('createEmulator({ pricingModel })', () => {
  for (const name of pricingFixtureNames()) {
    it(`${name}: loads as the default model, and again on reset`, async () => {
      const file = readPricingFixture(name)
      const { api, emulator } = setup({ pricingModel: file })
      const first = (await api.get('/pricing-models/default')).body.pricingModel
      // Loaded at start, a file is the default model whatever its `isDefault` says.
      expect(first).toMatchObject({ name: file.name, isDefault: true })
      expect(emulator.state.tables.pricingModels.size).toBe(1)
      emulator.reset()
      const again = (await api.get('/pricing-models/default')).body.pricingModel
      expect(again.name).toBe(file.name)
      expect(again.id).not.toBe(first.id)
      expect(emulator.state.tables.pricingModels.size).toBe(1)
    })
  }

  it('subscribes new customers to the free plan with its every-period grant', async () => {
    const { api } = setup({ pricingModel: readPricingFixture('studio-current.yaml') })
    const { subscriptionId } = await newCustomer(api, 'ada')
    const balances = (
      await api.get(`/customers/ada/usage-balances?subscriptionId=${subscriptionId}`)
    ).body.usageMeterBalances
    expect(balances).toEqual([
      expect.objectContaining({ slug: 'render_minutes', availableBalance: 600 }),
    ])
  })

  it('a free default product priced as a single payment of 0 loads and takes customers', async () => {
    const { api } = setup({ pricingModel: readPricingFixture('acme-ai.yaml') })
    const model = (await api.get('/pricing-models/default')).body.pricingModel
    expect(model.defaultProduct).toMatchObject({ slug: 'free', default: true })
    expect(model.defaultProduct.defaultPrice).toMatchObject({
      type: 'single_payment',
      unitPrice: 0,
    })
    const created = await api.post('/customers', {
      customer: { externalId: 'bo', email: 'bo@example.com', name: 'Bo' },
    })
    expect(created.status).toBe(200)
    const billing = await api.get('/customers/bo/billing')
    expect(billing.status).toBe(200)
    expect(billing.body.pricingModel.id).toBe(model.id)
  })

  it('refuses an invalid pricing model, and both seed and pricingModel', () => {
    const bad = () => createEmulator({ pricingModel: { name: 'x', products: [{}] } as never })
    expect(bad).toThrow(EmulatorError)
    try {
      bad()
    } catch (error) {
      const paths = (error as EmulatorError).body as { path: unknown[] }[]
      expect(paths.map((i) => i.path.join('.'))).toEqual(
        expect.arrayContaining(['products.0.product', 'products.0.price']),
      )
    }
    expect(() =>
      createEmulator({
        pricingModel: readPricingFixture('acme-ai.yaml'),
        seed: { name: 'S', products: [] },
      }),
    ).toThrow(/either seed or pricingModel/)
  })
})
