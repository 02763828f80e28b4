import type { State } from '../store/state.js'
import type {
  PriceRow,
  PricingModelRow,
  ProductRow,
  UsageMeterRow,
  UsagePriceRow,
} from '../store/types.js'
import { productFeatures } from './catalog.js'

/** A product's active prices; usage prices only when an older pricing file put them on it. */
export function productWithPrices(state: State, product: ProductRow) {
  const prices: PriceRow[] = []
  const { usagePriceProducts } = state.tables
  for (const price of state.tables.prices.values()) {
    if (!price.active) continue
    const owner =
      price.type === 'usage' ? usagePriceProducts.get(price.id)?.productId : price.productId
    if (owner === product.id) prices.push(price)
  }
  const defaultPrice = prices.find((p) => p.isDefault) ?? prices[0]
  return {
    ...product,
    prices,
    defaultPrice,
    features: productFeatures(state, product.id),
  }
}

export function usageMeterWithPrices(state: State, meter: UsageMeterRow) {
  const prices: UsagePriceRow[] = []
  for (const price of state.tables.prices.values()) {
    if (price.type === 'usage' && price.usageMeterId === meter.id && price.active)
      prices.push(price)
  }
  const defaultPrice = prices.find((p) => p.isDefault)
  return defaultPrice ? { ...meter, prices, defaultPrice } : { ...meter, prices }
}

/** PricingModelDetails: active products with at least one active price, and meters. */
export function pricingModelDetails(state: State, model: PricingModelRow) {
  const products = []
  for (const product of state.tables.products.values()) {
    if (product.pricingModelId !== model.id || !product.active) continue
    const view = productWithPrices(state, product)
    if (view.defaultPrice) products.push(view)
  }
  const usageMeters = []
  for (const meter of state.tables.usageMeters.values()) {
    if (meter.pricingModelId === model.id) usageMeters.push(usageMeterWithPrices(state, meter))
  }
  const defaultProduct = products.find((p) => p.default)
  return defaultProduct
    ? { ...model, products, usageMeters, defaultProduct }
    : { ...model, products, usageMeters }
}
