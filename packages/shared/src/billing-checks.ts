import type {
  BillingWithChecks,
  CustomerBillingDetails,
  Price,
  PricingModel,
  Product,
  Purchase,
  SubscriptionDetails,
  UsageBalance,
} from './types.js'

interface SubscriptionChoice {
  subscriptionId?: string
}

/** The subscription a check reads: the one with `subscriptionId`, else the first current one. */
export function pickSubscription(
  subscriptions: readonly SubscriptionDetails[] | undefined,
  options: SubscriptionChoice = {},
): SubscriptionDetails | undefined {
  const { subscriptionId } = options
  if (subscriptionId === undefined) return subscriptions?.[0]
  return subscriptions?.find((subscription) => subscription.id === subscriptionId)
}

/** True only when the chosen subscription carries a `toggle` feature with this slug. */
export function checkFeatureAccess(
  subscriptions: readonly SubscriptionDetails[] | undefined,
  featureSlug: string,
  options?: SubscriptionChoice,
): boolean {
  const items = pickSubscription(subscriptions, options)?.experimental?.featureItems ?? []
  return items.some((item) => item.type === 'toggle' && item.slug === featureSlug)
}

/** The chosen subscription's balance for a meter, or null when the meter has no entry yet. */
export function checkUsageBalance(
  subscriptions: readonly SubscriptionDetails[] | undefined,
  usageMeterSlug: string,
  options?: SubscriptionChoice,
): UsageBalance | null {
  const balances = pickSubscription(subscriptions, options)?.experimental?.usageMeterBalances ?? []
  const balance = balances.find((entry) => entry.slug === usageMeterSlug)
  return balance ? { availableBalance: balance.availableBalance } : null
}

export function getProduct(pricingModel: PricingModel | undefined, slug: string): Product | null {
  return pricingModel?.products.find((product) => product.slug === slug) ?? null
}

export function getPrice(pricingModel: PricingModel | undefined, slug: string): Price | null {
  // Products first, then usage meters (whose prices are optional).
  const owners = [...(pricingModel?.products ?? []), ...(pricingModel?.usageMeters ?? [])]
  for (const owner of owners) {
    const price = owner.prices?.find((candidate) => candidate.slug === slug)
    if (price) return price
  }
  return null
}

/** True when any purchase is for one of the product's prices. */
export function hasPurchased(
  pricingModel: PricingModel | undefined,
  purchases: readonly Purchase[] | undefined,
  productSlug: string,
): boolean {
  const product = getProduct(pricingModel, productSlug)
  if (!product || !purchases) return false
  const priceIds = new Set(product.prices.map((price) => price.id))
  return purchases.some((purchase) => priceIds.has(purchase.priceId))
}

/** The billing response plus its checks, bound to the customer's current subscriptions. */
export function withBillingChecks(billing: CustomerBillingDetails): BillingWithChecks {
  const current = billing.currentSubscriptions ?? []
  const pricingModel = billing.pricingModel ?? billing.catalog
  return {
    ...billing,
    checkFeatureAccess: (slug, options) => checkFeatureAccess(current, slug, options),
    checkUsageBalance: (slug, options) => checkUsageBalance(current, slug, options),
    getProduct: (slug) => getProduct(pricingModel, slug),
    getPrice: (slug) => getPrice(pricingModel, slug),
    hasPurchased: (slug) => hasPurchased(pricingModel, billing.purchases, slug),
  }
}
