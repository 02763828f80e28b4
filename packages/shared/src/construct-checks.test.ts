import { describe, expect, it } from 'vitest'
import { getBaseURL } from './base-url.js'
import * as checks from './billing-checks.js'
import {
  constructCheckFeatureAccess,
  constructCheckUsageBalance,
  constructGetPrice,
  constructGetProduct,
  constructHasPurchased,
} from './construct-checks.js'
import type { PricingModel, Purchase, SubscriptionDetails } from './types.js'

const subscriptions = [
  {
    id: 'sub_1',
    experimental: {
      featureItems: [{ type: 'toggle', slug: 'export' }],
      usageMeterBalances: [{ slug: 'ai_tokens', availableBalance: 7 }],
    },
  },
  { id: 'sub_2', experimental: { featureItems: [], usageMeterBalances: [] } },
] as unknown as SubscriptionDetails[]

const pricingModel = {
  products: [{ slug: 'pro', prices: [{ id: 'price_pro', slug: 'pro_monthly' }] }],
  usageMeters: [],
} as unknown as PricingModel
const purchases = [{ priceId: 'price_pro' }] as Purchase[]

describe('construct* (upstream curried names of the billing checks)', () => {
  it('answer as the checks they wrap', () => {
    const hasAccess = constructCheckFeatureAccess(subscriptions)
    expect(hasAccess('export')).toBe(true)
    expect(hasAccess('export', { subscriptionId: 'sub_2' })).toBe(false)
    expect(constructCheckUsageBalance(subscriptions)('ai_tokens')).toEqual({ availableBalance: 7 })
    expect(constructCheckUsageBalance(subscriptions)('nope')).toBeNull()
    expect(constructGetProduct(pricingModel)('pro')).toBe(checks.getProduct(pricingModel, 'pro'))
    expect(constructGetPrice(pricingModel)('pro_monthly')?.id).toBe('price_pro')
    expect(constructHasPurchased(pricingModel, purchases)('pro')).toBe(true)
    expect(constructHasPurchased(pricingModel, [])('pro')).toBe(false)
  })

  it('tolerate missing data', () => {
    expect(constructCheckFeatureAccess(undefined)('export')).toBe(false)
    expect(constructGetProduct(undefined)('pro')).toBeNull()
    expect(constructHasPurchased(undefined, undefined)('pro')).toBe(false)
  })
})

describe('getBaseURL', () => {
  it('is FLOWGLAD_BASE_URL when set, else the Flowglad API', () => {
    const saved = process.env.FLOWGLAD_BASE_URL
    try {
      delete process.env.FLOWGLAD_BASE_URL
      expect(getBaseURL()).toBe('https://app.flowglad.com')
      process.env.FLOWGLAD_BASE_URL = ' https://api.example '
      expect(getBaseURL()).toBe('https://api.example')
      process.env.FLOWGLAD_BASE_URL = '  '
      expect(getBaseURL()).toBe('https://app.flowglad.com')
    } finally {
      if (saved === undefined) delete process.env.FLOWGLAD_BASE_URL
      else process.env.FLOWGLAD_BASE_URL = saved
    }
  })
})
