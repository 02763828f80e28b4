import { describe, expect, it } from 'vitest'
import { EmulatorError } from '../errors.js'
import { describeIssues, issuePath } from './issues-text.js'
import { parsePricingModel } from './normalise.js'

const pro = {
  product: { name: 'Pro', slug: 'pro', active: true },
  price: {
    type: 'subscription',
    slug: 'pro',
    unitPrice: 900,
    intervalUnit: 'month',
    intervalCount: 1,
  },
  features: [],
}

describe('parsePricingModel', () => {
  it('reads a flat meter and a nested one without prices the same way', () => {
    const flat = parsePricingModel({
      name: 'M',
      products: [pro],
      usageMeters: [{ name: 'Calls', slug: 'calls' }],
    })
    const nested = parsePricingModel({
      name: 'M',
      products: [pro],
      usageMeters: [{ usageMeter: { name: 'Calls', slug: 'calls' }, prices: [] }],
    })
    expect(flat).toEqual(nested)
    expect(flat.usageMeters).toEqual([
      { name: 'Calls', slug: 'calls', aggregationType: 'sum', prices: [] },
    ])
  })

  it('fills the documented defaults', () => {
    const spec = parsePricingModel({
      name: 'Defaults',
      features: [{ type: 'toggle', slug: 't', name: 'T' }],
      products: [pro],
      usageMeters: [
        {
          usageMeter: { name: 'Calls', slug: 'calls' },
          prices: [{ slug: 'calls', unitPrice: 1, usageEventsPerUnit: 100 }],
        },
      ],
    })
    expect(spec.isDefault).toBe(false)
    expect(spec.resources).toEqual([])
    expect(spec.features).toEqual([
      { type: 'toggle', slug: 't', name: 'T', description: '', active: true },
    ])
    expect(spec.products[0]).toEqual({
      product: {
        name: 'Pro',
        slug: 'pro',
        description: null,
        imageURL: null,
        active: true,
        default: false,
        singularQuantityLabel: null,
        pluralQuantityLabel: null,
      },
      price: {
        type: 'subscription',
        slug: 'pro',
        name: null,
        unitPrice: 900,
        isDefault: true,
        active: true,
        currency: 'USD',
        intervalUnit: 'month',
        intervalCount: 1,
        trialPeriodDays: null,
      },
      features: [],
    })
    // A meter's only price, with `isDefault` unset, is its default.
    expect(spec.usageMeters[0]?.prices[0]).toMatchObject({
      isDefault: true,
      intervalUnit: 'month',
      intervalCount: 1,
      productSlug: null,
    })
  })

  it('moves an older-shape usage price to its meter, remembering the product', () => {
    const spec = parsePricingModel({
      name: 'Old',
      products: [
        {
          product: {
            name: 'Calls',
            slug: 'calls_product',
            active: true,
            pluralQuantityLabel: 'calls',
          },
          price: {
            type: 'usage',
            slug: 'calls',
            unitPrice: 2,
            usageEventsPerUnit: 10,
            intervalUnit: 'month',
            intervalCount: 1,
            usageMeterSlug: 'calls',
          },
          features: [],
        },
      ],
      usageMeters: [{ name: 'Calls', slug: 'calls' }],
    })
    expect(spec.products[0]?.price).toBeNull()
    expect(spec.products[0]?.product.pluralQuantityLabel).toBe('calls')
    expect(spec.usageMeters[0]?.prices).toEqual([
      expect.objectContaining({ slug: 'calls', productSlug: 'calls_product', isDefault: true }),
    ])
  })

  it('a single-payment price may not carry interval fields', () => {
    expect(() =>
      parsePricingModel({
        name: 'X',
        products: [
          {
            product: { name: 'Pack', slug: 'pack', active: true },
            price: { type: 'single_payment', unitPrice: 100, intervalUnit: 'month' },
            features: [],
          },
        ],
      }),
    ).toThrow(/intervalUnit/)
  })

  it('a body that is not an object is one issue at the root', () => {
    try {
      parsePricingModel('name: x')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(EmulatorError)
      expect((error as EmulatorError).body).toEqual([
        expect.objectContaining({ code: 'invalid_type', path: [] }),
      ])
    }
  })
})

describe('issue text', () => {
  it('writes paths the way they are read in a file', () => {
    expect(issuePath(['products', 1, 'features', 0])).toBe('products[1].features[0]')
    expect(issuePath(['name'])).toBe('name')
    expect(issuePath([])).toBe('(root)')
    expect(describeIssues([{ code: 'custom', path: ['a', 0], message: 'bad' }])).toBe(
      '1 problem\n  a[0]: bad',
    )
  })
})
