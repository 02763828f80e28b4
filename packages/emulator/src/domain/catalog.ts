import { badRequest, notFound } from '../errors.js'
import { newId } from '../ids.js'
import type { State } from '../store/state.js'
import type {
  AggregationType,
  FeatureRow,
  IntervalUnit,
  PriceRow,
  PricingModelRow,
  ProductRow,
  UsageMeterRow,
  UsagePriceRow,
} from '../store/types.js'

export interface UsageMeterInput {
  name: string
  slug: string
  aggregationType?: AggregationType
}

export interface UsageMeterPriceInput {
  unitPrice?: number
  usageEventsPerUnit?: number
  slug?: string
  name?: string | null
  intervalUnit?: IntervalUnit
  intervalCount?: number
}

export function createPricingModel(
  state: State,
  now: number,
  input: { name: string; isDefault: boolean },
): PricingModelRow {
  const row: PricingModelRow = {
    id: newId('pricing_model'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    organizationId: state.organizationId,
    isDefault: input.isDefault,
    name: input.name,
  }
  state.tables.pricingModels.set(row.id, row)
  if (input.isDefault) state.defaultPricingModelId = row.id
  return row
}

export function requirePricingModel(state: State, id: string): PricingModelRow {
  const row = state.tables.pricingModels.get(id)
  if (!row) throw notFound(`PricingModel not found: ${id}`)
  return row
}

export function findMeterBySlug(
  state: State,
  pricingModelId: string,
  slug: string,
): UsageMeterRow | undefined {
  for (const meter of state.tables.usageMeters.values()) {
    if (meter.pricingModelId === pricingModelId && meter.slug === slug) return meter
  }
  return undefined
}

export function findPriceBySlug(
  state: State,
  pricingModelId: string,
  slug: string,
): PriceRow | undefined {
  let fallback: PriceRow | undefined
  for (const price of state.tables.prices.values()) {
    if (price.pricingModelId !== pricingModelId || price.slug !== slug) continue
    if (price.active) return price
    fallback ??= price
  }
  return fallback
}

export function findProductBySlug(
  state: State,
  pricingModelId: string,
  slug: string,
): ProductRow | undefined {
  for (const product of state.tables.products.values()) {
    if (product.pricingModelId === pricingModelId && product.slug === slug) return product
  }
  return undefined
}

/** The meter's default price (every meter has exactly one). */
export function meterDefaultPrice(state: State, meterId: string): UsagePriceRow | undefined {
  let first: UsagePriceRow | undefined
  for (const price of state.tables.prices.values()) {
    if (price.type !== 'usage' || price.usageMeterId !== meterId) continue
    if (price.isDefault) return price
    first ??= price
  }
  return first
}

function makeUsagePrice(
  state: State,
  now: number,
  meter: UsageMeterRow,
  input: {
    slug: string
    name: string | null
    unitPrice: number
    usageEventsPerUnit: number
    isDefault: boolean
    currency: string
    intervalUnit?: IntervalUnit
    intervalCount?: number
  },
): UsagePriceRow {
  const row: UsagePriceRow = {
    id: newId('price'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    type: 'usage',
    name: input.name,
    slug: input.slug,
    unitPrice: input.unitPrice,
    isDefault: input.isDefault,
    active: true,
    currency: input.currency,
    pricingModelId: meter.pricingModelId,
    intervalUnit: input.intervalUnit ?? 'month',
    intervalCount: input.intervalCount ?? 1,
    trialPeriodDays: null,
    usageEventsPerUnit: input.usageEventsPerUnit,
    productId: null,
    usageMeterId: meter.id,
  }
  state.tables.prices.set(row.id, row)
  return row
}

/** Creates the meter row alone (callers add its prices); 400 when the slug is taken. */
export function insertUsageMeter(
  state: State,
  now: number,
  pricingModelId: string,
  input: UsageMeterInput,
): UsageMeterRow {
  requirePricingModel(state, pricingModelId)
  if (findMeterBySlug(state, pricingModelId, input.slug)) {
    throw badRequest(`Invalid slug: a usage meter with slug ${input.slug} already exists`)
  }
  const meter: UsageMeterRow = {
    id: newId('usage_meter'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    organizationId: state.organizationId,
    name: input.name,
    pricingModelId,
    slug: input.slug,
    aggregationType: input.aggregationType ?? 'sum',
  }
  state.tables.usageMeters.set(meter.id, meter)
  return meter
}

/**
 * Creates a meter plus its `<slug>_no_charge` price. When `price` sets a unit price or a
 * usage-events-per-unit, a second price (slug = meter slug) is created and becomes the default.
 */
export function createUsageMeter(
  state: State,
  now: number,
  pricingModelId: string,
  input: UsageMeterInput,
  price?: UsageMeterPriceInput,
  currency = 'USD',
): UsageMeterRow {
  const meter = insertUsageMeter(state, now, pricingModelId, input)
  const charged = price?.unitPrice !== undefined || price?.usageEventsPerUnit !== undefined
  makeUsagePrice(state, now, meter, {
    slug: `${meter.slug}_no_charge`,
    name: `${meter.name} - No Charge`,
    unitPrice: 0,
    usageEventsPerUnit: 1,
    isDefault: !charged,
    currency,
  })
  if (charged) {
    makeUsagePrice(state, now, meter, {
      slug: price?.slug ?? meter.slug,
      name: price?.name ?? meter.name,
      unitPrice: price?.unitPrice ?? 0,
      usageEventsPerUnit: price?.usageEventsPerUnit ?? 1,
      isDefault: true,
      currency,
      intervalUnit: price?.intervalUnit,
      intervalCount: price?.intervalCount,
    })
  }
  return meter
}

export function createProduct(
  state: State,
  now: number,
  input: {
    name: string
    slug: string
    pricingModelId: string
    description?: string | null
    imageURL?: string | null
    active?: boolean
    default?: boolean
    singularQuantityLabel?: string | null
    pluralQuantityLabel?: string | null
  },
): ProductRow {
  requirePricingModel(state, input.pricingModelId)
  if (findProductBySlug(state, input.pricingModelId, input.slug)) {
    throw badRequest(`Invalid slug: a product with slug ${input.slug} already exists`)
  }
  const row: ProductRow = {
    id: newId('prod'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    name: input.name,
    description: input.description ?? null,
    imageURL: input.imageURL ?? null,
    organizationId: state.organizationId,
    active: input.active ?? true,
    singularQuantityLabel: input.singularQuantityLabel ?? null,
    pluralQuantityLabel: input.pluralQuantityLabel ?? null,
    pricingModelId: input.pricingModelId,
    default: input.default ?? false,
    slug: input.slug,
  }
  state.tables.products.set(row.id, row)
  return row
}

export type PriceInput =
  | {
      type: 'subscription'
      productId: string
      unitPrice: number
      intervalUnit: IntervalUnit
      intervalCount: number
      isDefault: boolean
      name?: string | null
      slug?: string | null
      active?: boolean
      trialPeriodDays?: number | null
    }
  | {
      type: 'single_payment'
      productId: string
      unitPrice: number
      isDefault: boolean
      name?: string | null
      slug?: string | null
      active?: boolean
    }
  | {
      type: 'usage'
      usageMeterId: string
      unitPrice: number
      usageEventsPerUnit: number
      intervalUnit: IntervalUnit
      intervalCount: number
      isDefault: boolean
      name?: string | null
      slug?: string | null
      active?: boolean
    }

/** Creates a price; a new default price takes the default flag from its siblings. */
export function createPrice(
  state: State,
  now: number,
  input: PriceInput,
  currency = 'USD',
): PriceRow {
  const common = {
    id: newId('price'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    name: input.name ?? null,
    slug: input.slug ?? null,
    unitPrice: input.unitPrice,
    isDefault: input.isDefault,
    active: input.active ?? true,
    currency,
  }
  let row: PriceRow
  if (input.type === 'usage') {
    const meter = state.tables.usageMeters.get(input.usageMeterId)
    if (!meter) throw notFound(`UsageMeter not found: ${input.usageMeterId}`)
    row = {
      ...common,
      type: 'usage',
      pricingModelId: meter.pricingModelId,
      intervalUnit: input.intervalUnit,
      intervalCount: input.intervalCount,
      trialPeriodDays: null,
      usageEventsPerUnit: input.usageEventsPerUnit,
      productId: null,
      usageMeterId: meter.id,
    }
  } else {
    const product = state.tables.products.get(input.productId)
    if (!product) throw notFound(`Product not found: ${input.productId}`)
    row =
      input.type === 'subscription'
        ? {
            ...common,
            type: 'subscription',
            pricingModelId: product.pricingModelId,
            intervalUnit: input.intervalUnit,
            intervalCount: input.intervalCount,
            trialPeriodDays: input.trialPeriodDays ?? null,
            usageEventsPerUnit: null,
            productId: product.id,
            usageMeterId: null,
          }
        : {
            ...common,
            type: 'single_payment',
            pricingModelId: product.pricingModelId,
            intervalUnit: null,
            intervalCount: null,
            trialPeriodDays: null,
            usageEventsPerUnit: null,
            productId: product.id,
            usageMeterId: null,
          }
  }
  if (row.slug !== null && findPriceBySlug(state, row.pricingModelId, row.slug)) {
    throw badRequest(`Invalid slug: a price with slug ${row.slug} already exists`)
  }
  if (row.isDefault) {
    for (const other of state.tables.prices.values()) {
      const sameOwner =
        row.type === 'usage'
          ? other.type === 'usage' && other.usageMeterId === row.usageMeterId
          : other.productId === row.productId
      if (sameOwner && other.isDefault) {
        other.isDefault = false
        other.updatedAt = now
      }
    }
  }
  state.tables.prices.set(row.id, row)
  return row
}

export function createFeature(
  state: State,
  now: number,
  pricingModelId: string,
  input:
    | { type: 'toggle'; slug: string; name: string; description?: string; active?: boolean }
    | {
        type: 'usage_credit_grant'
        slug: string
        name: string
        description?: string
        active?: boolean
        amount: number
        usageMeterId: string
        renewalFrequency: 'once' | 'every_billing_period'
      },
): FeatureRow {
  const common = {
    id: newId('feature'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    organizationId: state.organizationId,
    slug: input.slug,
    name: input.name,
    description: input.description ?? '',
    pricingModelId,
    active: input.active ?? true,
  }
  const row: FeatureRow =
    input.type === 'toggle'
      ? { ...common, type: 'toggle', amount: null, usageMeterId: null, renewalFrequency: null }
      : {
          ...common,
          type: 'usage_credit_grant',
          amount: input.amount,
          usageMeterId: input.usageMeterId,
          renewalFrequency: input.renewalFrequency,
        }
  state.tables.features.set(row.id, row)
  return row
}

export function attachFeature(
  state: State,
  now: number,
  productId: string,
  featureId: string,
): void {
  const id = newId('product_feature')
  state.tables.productFeatures.set(id, { id, productId, featureId, createdAt: now })
}

export function productFeatures(state: State, productId: string): FeatureRow[] {
  const out: FeatureRow[] = []
  for (const pf of state.tables.productFeatures.values()) {
    if (pf.productId !== productId) continue
    const feature = state.tables.features.get(pf.featureId)
    if (feature) out.push(feature)
  }
  return out
}
