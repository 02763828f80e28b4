import type { PricingModel, Purchase } from '@flowglad/nextjs'

/** Purchases made since the current period started (top-ups bought before are not counted). */
export function purchasedThisPeriod(
  purchases: readonly Purchase[],
  periodStart: number | null | undefined,
): Purchase[] {
  return purchases.filter((purchase) => (purchase.purchaseDate ?? 0) >= (periodStart ?? 0))
}

/** How many token packs the customer bought (a purchase counts its quantity). */
export function purchasedCount(purchases: readonly Purchase[], pricingModel: PricingModel): number {
  const pack = pricingModel.products.find((product) => product.slug === 'token_pack')
  const priceIds = new Set(pack?.prices.map((price) => price.id))
  return purchases
    .filter((purchase) => priceIds.has(purchase.priceId))
    .reduce((total, purchase) => total + purchase.quantity, 0)
}

/**
 * Credits the given purchases added to a meter: each bought product's `usage_credit_grant`
 * features, times the quantity. Flowglad grants them at once on purchase.
 */
export function topUpCredits(
  purchases: readonly Purchase[],
  pricingModel: PricingModel,
  usageMeterId: string,
): number {
  let total = 0
  for (const purchase of purchases) {
    const product = pricingModel.products.find((candidate) =>
      candidate.prices.some((price) => price.id === purchase.priceId),
    )
    for (const feature of product?.features ?? []) {
      if (feature.type === 'usage_credit_grant' && feature.usageMeterId === usageMeterId) {
        total += (feature.amount ?? 0) * purchase.quantity
      }
    }
  }
  return total
}
