import { productFeatures } from '../domain/catalog.js'
import type { State } from '../store/state.js'
import type { FeatureRow, PriceRow, PricingModelRow, ProductRow } from '../store/types.js'

/** `name`/`slug` are non-empty strings in the setup schema: a null one is left out. */
const optional = (key: 'name' | 'slug', value: string | null) =>
  value === null ? {} : { [key]: value }

function exportPrice(price: PriceRow) {
  const common = {
    type: price.type,
    ...optional('slug', price.slug),
    ...optional('name', price.name),
    unitPrice: price.unitPrice,
    isDefault: price.isDefault,
    active: price.active,
    currency: price.currency,
  }
  if (price.type === 'usage') {
    return {
      ...common,
      intervalUnit: price.intervalUnit,
      intervalCount: price.intervalCount,
      usageEventsPerUnit: price.usageEventsPerUnit,
      trialPeriodDays: null,
    }
  }
  return {
    ...common,
    intervalUnit: price.intervalUnit,
    intervalCount: price.intervalCount,
    trialPeriodDays: price.trialPeriodDays,
    usageEventsPerUnit: null,
    usageMeterId: null,
  }
}

function exportFeature(state: State, feature: FeatureRow) {
  const common = {
    type: feature.type,
    slug: feature.slug,
    name: feature.name,
    description: feature.description,
    active: feature.active,
  }
  if (feature.type === 'usage_credit_grant') {
    const meter = state.tables.usageMeters.get(feature.usageMeterId)
    return {
      ...common,
      amount: feature.amount,
      renewalFrequency: feature.renewalFrequency,
      usageMeterSlug: meter?.slug ?? '',
    }
  }
  if (feature.type === 'resource') {
    const resource = state.tables.resources.get(feature.resourceId)
    return { ...common, amount: feature.amount, resourceSlug: resource?.slug ?? '' }
  }
  return common
}

/** The product's own (subscription or single-payment) price: its default, else its first. */
function productPrice(state: State, product: ProductRow): PriceRow | undefined {
  let first: PriceRow | undefined
  for (const price of state.tables.prices.values()) {
    if (price.type === 'usage' || price.productId !== product.id) continue
    if (price.isDefault) return price
    first ??= price
  }
  return first
}

/**
 * `GET /pricing-models/{id}/export`: the model in the current setup shape, inactive rows
 * included, so that `setup(export(model))` builds the same model again. Not expressible in
 * that shape, hence left out: a product without a subscription or single-payment price (an
 * older file's product around a usage price; its price is exported on its meter) and any
 * price of a product other than its default.
 */
export function exportPricingModel(state: State, model: PricingModelRow) {
  const inModel = <R extends { pricingModelId: string }>(rows: Iterable<R>) =>
    [...rows].filter((row) => row.pricingModelId === model.id)

  const usageMeters = inModel(state.tables.usageMeters.values()).map((meter) => ({
    usageMeter: { name: meter.name, slug: meter.slug, aggregationType: meter.aggregationType },
    prices: inModel(state.tables.prices.values())
      .filter((price) => price.type === 'usage' && price.usageMeterId === meter.id)
      .map(exportPrice),
  }))
  const products = inModel(state.tables.products.values()).flatMap((product) => {
    const price = productPrice(state, product)
    if (!price) return []
    return [
      {
        product: {
          name: product.name,
          slug: product.slug,
          description: product.description,
          imageURL: product.imageURL,
          active: product.active,
          default: product.default,
          singularQuantityLabel: product.singularQuantityLabel,
          pluralQuantityLabel: product.pluralQuantityLabel,
        },
        price: exportPrice(price),
        features: productFeatures(state, product.id).map((f) => f.slug),
      },
    ]
  })
  return {
    name: model.name,
    isDefault: model.isDefault,
    features: inModel(state.tables.features.values()).map((f) => exportFeature(state, f)),
    products,
    usageMeters,
    resources: inModel(state.tables.resources.values()).map(({ slug, name, active }) => ({
      slug,
      name,
      active,
    })),
  }
}
