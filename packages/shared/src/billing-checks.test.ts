import { describe, expect, it } from 'vitest'
import {
  checkFeatureAccess,
  checkUsageBalance,
  getPrice,
  getProduct,
  hasPurchased,
  withBillingChecks,
} from './billing-checks.js'
import type { CustomerBillingDetails, PricingModel, SubscriptionDetails } from './types.js'

function subscription(
  id: string,
  features: [string, 'toggle' | 'usage_credit_grant'][],
  balances: [string, number][],
) {
  return {
    id,
    experimental: {
      featureItems: features.map(([slug, type]) => ({ id: `f_${slug}`, slug, name: slug, type })),
      usageMeterBalances: balances.map(([slug, availableBalance]) => ({
        id: `m_${slug}`,
        slug,
        name: slug,
        availableBalance,
        subscriptionId: id,
      })),
    },
  } as unknown as SubscriptionDetails
}

const first = subscription(
  'sub_a',
  [
    ['advanced_models', 'toggle'],
    ['free_tokens', 'usage_credit_grant'],
  ],
  [['ai_tokens', 500]],
)
const second = subscription('sub_b', [['beta', 'toggle']], [['ai_tokens', -20]])
const subs = [first, second]

const pricingModel = {
  products: [
    { slug: 'free', prices: [{ id: 'price_free', slug: 'free' }] },
    { slug: 'pro', prices: [{ id: 'price_pro', slug: 'pro_monthly' }] },
  ],
  usageMeters: [{ slug: 'ai_tokens', prices: [{ id: 'price_tokens', slug: 'ai_tokens' }] }],
} as unknown as PricingModel

describe('checkFeatureAccess', () => {
  it('is true only for toggle items', () => {
    expect(checkFeatureAccess(subs, 'advanced_models')).toBe(true)
    expect(checkFeatureAccess(subs, 'free_tokens')).toBe(false)
    expect(checkFeatureAccess(subs, 'missing')).toBe(false)
  })

  it('reads the first subscription by default and the named one when given', () => {
    expect(checkFeatureAccess(subs, 'beta')).toBe(false)
    expect(checkFeatureAccess(subs, 'beta', { subscriptionId: 'sub_b' })).toBe(true)
    expect(checkFeatureAccess(subs, 'advanced_models', { subscriptionId: 'sub_b' })).toBe(false)
    expect(checkFeatureAccess(subs, 'advanced_models', { subscriptionId: 'sub_zzz' })).toBe(false)
    expect(checkFeatureAccess([], 'advanced_models')).toBe(false)
  })
})

describe('checkUsageBalance', () => {
  it('looks balances up by meter slug', () => {
    expect(checkUsageBalance(subs, 'ai_tokens')).toEqual({ availableBalance: 500 })
    expect(checkUsageBalance(subs, 'ai_tokens', { subscriptionId: 'sub_b' })).toEqual({
      availableBalance: -20,
    })
    expect(checkUsageBalance(subs, 'api_calls')).toBeNull()
    expect(checkUsageBalance(undefined, 'ai_tokens')).toBeNull()
  })
})

describe('catalogue lookups', () => {
  it('finds products and prices by slug', () => {
    expect(getProduct(pricingModel, 'pro')?.slug).toBe('pro')
    expect(getProduct(pricingModel, 'enterprise')).toBeNull()
    expect(getPrice(pricingModel, 'pro_monthly')?.id).toBe('price_pro')
    expect(getPrice(pricingModel, 'ai_tokens')?.id).toBe('price_tokens')
    expect(getPrice(pricingModel, 'nope')).toBeNull()
  })

  it('hasPurchased compares the product prices with purchases', () => {
    const purchases = [{ priceId: 'price_pro' }] as never
    expect(hasPurchased(pricingModel, purchases, 'pro')).toBe(true)
    expect(hasPurchased(pricingModel, purchases, 'free')).toBe(false)
    expect(hasPurchased(pricingModel, purchases, 'unknown')).toBe(false)
  })
})

describe('withBillingChecks', () => {
  it('binds the checks to the current subscriptions, not all of them', () => {
    const billing = {
      subscriptions: [second, first],
      currentSubscriptions: [first],
      pricingModel,
      catalog: pricingModel,
      purchases: [],
    } as unknown as CustomerBillingDetails
    const checked = withBillingChecks(billing)
    expect(checked.checkFeatureAccess('advanced_models')).toBe(true)
    expect(checked.checkFeatureAccess('beta', { subscriptionId: 'sub_b' })).toBe(false)
    expect(checked.getPrice('free')?.id).toBe('price_free')
    expect(checked.hasPurchased('pro')).toBe(false)
  })
})
