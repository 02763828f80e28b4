import {
  attachFeature,
  createFeature,
  createPrice,
  createPricingModel,
  createProduct,
  createUsageMeter,
} from '../domain/catalog.js'
import { createResourceFeature, insertResources } from '../domain/resources.js'
import type { State } from '../store/state.js'
import type { PricingModelRow } from '../store/types.js'
import type { Seed } from './format.js'

/** Writes a validated seed into `state` as the default pricing model. */
export function applySeed(state: State, seed: Seed, now: number): PricingModelRow {
  const model = createPricingModel(state, now, { name: seed.name, isDefault: true })
  const meterIds = new Map<string, string>()
  for (const meter of seed.usageMeters) {
    const row = createUsageMeter(
      state,
      now,
      model.id,
      { name: meter.name, slug: meter.slug, aggregationType: meter.aggregationType },
      undefined,
      seed.currency,
    )
    meterIds.set(meter.slug, row.id)
    meter.prices.forEach((price, i) => {
      createPrice(
        state,
        now,
        {
          type: 'usage',
          usageMeterId: row.id,
          slug: price.slug,
          name: price.name ?? meter.name,
          unitPrice: price.unitPrice,
          usageEventsPerUnit: price.usageEventsPerUnit,
          intervalUnit: price.intervalUnit,
          intervalCount: price.intervalCount,
          // The first listed price is the default unless another one says so.
          isDefault: price.isDefault || (i === 0 && !meter.prices.some((p) => p.isDefault)),
        },
        seed.currency,
      )
    })
  }
  const resources = insertResources(state, now, model.id, seed.resources)
  const featureIds = new Map<string, string>()
  for (const feature of seed.features) {
    const row =
      feature.type === 'toggle'
        ? createFeature(state, now, model.id, feature)
        : feature.type === 'resource'
          ? createResourceFeature(state, now, model.id, {
              slug: feature.slug,
              name: feature.name,
              description: feature.description,
              amount: feature.amount,
              resourceId: resources.get(feature.resourceSlug)?.id ?? '',
            })
          : createFeature(state, now, model.id, {
              type: 'usage_credit_grant',
              slug: feature.slug,
              name: feature.name,
              description: feature.description,
              amount: feature.amount,
              usageMeterId: meterIds.get(feature.usageMeterSlug) ?? '',
              renewalFrequency: feature.renewalFrequency,
            })
    featureIds.set(feature.slug, row.id)
  }
  for (const product of seed.products) {
    const row = createProduct(state, now, {
      name: product.name,
      slug: product.slug,
      pricingModelId: model.id,
      description: product.description ?? null,
      active: product.active,
      default: product.default,
    })
    const hasDefault = product.prices.some((p) => p.isDefault)
    product.prices.forEach((price, i) => {
      const isDefault = price.isDefault || (i === 0 && !hasDefault)
      createPrice(
        state,
        now,
        price.type === 'subscription'
          ? {
              type: 'subscription',
              productId: row.id,
              slug: price.slug,
              name: price.name ?? product.name,
              unitPrice: price.unitPrice,
              intervalUnit: price.intervalUnit,
              intervalCount: price.intervalCount,
              trialPeriodDays: price.trialPeriodDays ?? null,
              isDefault,
            }
          : {
              type: 'single_payment',
              productId: row.id,
              slug: price.slug,
              name: price.name ?? product.name,
              unitPrice: price.unitPrice,
              isDefault,
            },
        seed.currency,
      )
    })
    for (const slug of product.features) {
      const featureId = featureIds.get(slug)
      if (featureId) attachFeature(state, now, row.id, featureId)
    }
  }
  return model
}
