import {
  attachFeature,
  createFeature,
  createPrice,
  createPricingModel,
  createProduct,
  insertUsageMeter,
} from '../domain/catalog.js'
import { createResourceFeature, insertResources } from '../domain/resources.js'
import type { State } from '../store/state.js'
import type { PricingModelRow } from '../store/types.js'
import {
  noChargeSlug,
  type PricingModelSpec,
  type ResourceSpec,
  type UsageMeterSpec,
} from './model.js'

/** Makes `model` the organisation's default pricing model (the one new customers join). */
export function makeDefaultPricingModel(state: State, model: PricingModelRow, now: number): void {
  for (const other of state.tables.pricingModels.values()) {
    if (other.id !== model.id && other.isDefault) {
      other.isDefault = false
      other.updatedAt = now
    }
  }
  model.isDefault = true
  state.defaultPricingModelId = model.id
}

/**
 * A meter and its prices. Like the hosted API, every meter gets a `<slug>_no_charge` price
 * (0 per event), the default when no declared price is; a declared price with that slug
 * stands in for it (an export lists it, so setup(export) does not make a second one).
 * Returns the usage prices that an older-shape product declared, with that product's slug.
 */
function applyMeter(
  state: State,
  now: number,
  modelId: string,
  meter: UsageMeterSpec,
): { meterId: string; owned: { priceId: string; productSlug: string }[] } {
  const row = insertUsageMeter(state, now, modelId, meter)
  const declared = meter.prices.map((p) => p.slug)
  if (!declared.includes(noChargeSlug(meter.slug))) {
    createPrice(state, now, {
      type: 'usage',
      usageMeterId: row.id,
      slug: noChargeSlug(meter.slug),
      name: `${meter.name} - No Charge`,
      unitPrice: 0,
      usageEventsPerUnit: 1,
      intervalUnit: 'month',
      intervalCount: 1,
      isDefault: !meter.prices.some((p) => p.isDefault),
    })
  }
  const owned: { priceId: string; productSlug: string }[] = []
  for (const price of meter.prices) {
    const created = createPrice(
      state,
      now,
      {
        type: 'usage',
        usageMeterId: row.id,
        slug: price.slug,
        name: price.name,
        unitPrice: price.unitPrice,
        usageEventsPerUnit: price.usageEventsPerUnit,
        intervalUnit: price.intervalUnit,
        intervalCount: price.intervalCount,
        isDefault: price.isDefault,
        active: price.active,
      },
      price.currency,
    )
    if (price.productSlug) owned.push({ priceId: created.id, productSlug: price.productSlug })
  }
  return { meterId: row.id, owned }
}

/**
 * Where a pricing model's `resources[]` become rows: the resource domain's own insert, which
 * returns the rows by slug so `resource` features can name their resource.
 */
export function applyResources(
  state: State,
  now: number,
  modelId: string,
  resources: readonly ResourceSpec[],
): Map<string, string> {
  const rows = insertResources(state, now, modelId, resources)
  return new Map([...rows].map(([slug, row]) => [slug, row.id]))
}

/**
 * Writes a validated pricing model (see `parsePricingModel`) as a new pricing model and
 * returns its row. Validation has already resolved every slug, so nothing here can fail
 * half-way for a normalised spec. `asDefault` makes it the default whatever it says.
 */
export function applyPricingModel(
  state: State,
  now: number,
  spec: PricingModelSpec,
  options: { asDefault?: boolean } = {},
): PricingModelRow {
  const model = createPricingModel(state, now, { name: spec.name, isDefault: false })
  if (spec.isDefault || options.asDefault) makeDefaultPricingModel(state, model, now)

  const meterIds = new Map<string, string>()
  const owned: { priceId: string; productSlug: string }[] = []
  for (const meter of spec.usageMeters) {
    const applied = applyMeter(state, now, model.id, meter)
    meterIds.set(meter.slug, applied.meterId)
    owned.push(...applied.owned)
  }
  const resourceIds = applyResources(state, now, model.id, spec.resources)

  const featureIds = new Map<string, string>()
  for (const feature of spec.features) {
    const { slug, name, description, active } = feature
    const row =
      feature.type === 'toggle'
        ? createFeature(state, now, model.id, { type: 'toggle', slug, name, description, active })
        : feature.type === 'usage_credit_grant'
          ? createFeature(state, now, model.id, {
              type: 'usage_credit_grant',
              slug,
              name,
              description,
              active,
              amount: feature.amount,
              usageMeterId: meterIds.get(feature.usageMeterSlug) ?? '',
              renewalFrequency: feature.renewalFrequency,
            })
          : createResourceFeature(state, now, model.id, {
              slug,
              name,
              description,
              active,
              amount: feature.amount,
              resourceId: resourceIds.get(feature.resourceSlug) ?? '',
            })
    featureIds.set(slug, row.id)
  }

  const productIds = new Map<string, string>()
  for (const { product, price, features } of spec.products) {
    const row = createProduct(state, now, { ...product, pricingModelId: model.id })
    productIds.set(product.slug, row.id)
    if (price) createPrice(state, now, { productId: row.id, ...price }, price.currency)
    for (const slug of features) {
      const featureId = featureIds.get(slug)
      if (featureId) attachFeature(state, now, row.id, featureId)
    }
  }
  for (const { priceId, productSlug } of owned) {
    const productId = productIds.get(productSlug)
    if (productId)
      state.tables.usagePriceProducts.set(priceId, { id: priceId, productId, createdAt: now })
  }
  return model
}
