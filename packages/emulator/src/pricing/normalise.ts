import type * as z from 'zod'
import { badRequest, type Issue } from '../errors.js'
import { toIssues } from '../routes/http.js'
import type { PricingModelSpec, ProductSpec, UsageMeterSpec, UsagePriceSpec } from './model.js'
import { crossReferenceIssues } from './references.js'
import {
  flatMeterInput,
  type MeterPriceInput,
  nestedMeterInput,
  type ProductInput,
  pricingFileInput,
} from './schema.js'

const DEFAULT_CURRENCY = 'USD'

type MeterInput =
  | { shape: 'nested'; value: z.output<typeof nestedMeterInput> }
  | { shape: 'flat'; value: z.output<typeof flatMeterInput> }

/** Each `usageMeters[i]` in whichever shape it is written (`usageMeter` key → current). */
function parseMeters(items: unknown[], issues: Issue[]): MeterInput[] {
  const meters: MeterInput[] = []
  items.forEach((item, i) => {
    const nested = typeof item === 'object' && item !== null && 'usageMeter' in item
    const result = nested ? nestedMeterInput.safeParse(item) : flatMeterInput.safeParse(item)
    if (!result.success) {
      for (const issue of toIssues(result.error))
        issues.push({ ...issue, path: ['usageMeters', i, ...issue.path] })
      return
    }
    meters.push(
      nested
        ? { shape: 'nested', value: result.data as z.output<typeof nestedMeterInput> }
        : { shape: 'flat', value: result.data as z.output<typeof flatMeterInput> },
    )
  })
  return meters
}

function usagePrice(
  input: MeterPriceInput,
  isDefault: boolean,
  productSlug: string | null,
): UsagePriceSpec {
  return {
    slug: input.slug,
    name: input.name,
    unitPrice: input.unitPrice,
    usageEventsPerUnit: input.usageEventsPerUnit,
    intervalUnit: input.intervalUnit,
    intervalCount: input.intervalCount,
    isDefault,
    active: input.active,
    currency: input.currency ?? DEFAULT_CURRENCY,
    productSlug,
  }
}

/** A meter's declared prices: one price with `isDefault` unset is its default. */
function meterPrices(prices: MeterPriceInput[]): UsagePriceSpec[] {
  return prices.map((p) => usagePrice(p, p.isDefault ?? prices.length === 1, null))
}

function productSpec(input: ProductInput): ProductSpec {
  const { price } = input
  const common = {
    slug: price.slug,
    name: price.name,
    unitPrice: price.unitPrice,
    isDefault: price.isDefault,
    active: price.active,
    currency: price.currency ?? DEFAULT_CURRENCY,
  }
  return {
    product: input.product,
    features: input.features,
    price:
      price.type === 'usage'
        ? null
        : price.type === 'subscription'
          ? {
              ...common,
              type: 'subscription',
              intervalUnit: price.intervalUnit,
              intervalCount: price.intervalCount,
              trialPeriodDays: price.trialPeriodDays,
            }
          : { ...common, type: 'single_payment' },
  }
}

/**
 * Moves older-shape usage prices (declared on a product) to their meter, remembering the
 * product. On a meter that already has a default price, such a price is not the default: in
 * that shape `isDefault` meant "the product's default", so several meters' worth may say so.
 */
function attachProductUsagePrices(meters: UsageMeterSpec[], products: ProductInput[]): void {
  for (const product of products) {
    const { price } = product
    if (price.type !== 'usage') continue
    const meter = meters.find((m) => m.slug === price.usageMeterSlug)
    if (!meter) continue // reported by crossReferenceIssues
    const isDefault = price.isDefault && !meter.prices.some((p) => p.isDefault)
    meter.prices.push(usagePrice(price, isDefault, product.product.slug))
  }
}

/**
 * Validates a pricing file or a `/pricing-models/setup` body (either shape) and returns it in
 * the internal form. Throws a 400 `EmulatorError` listing every problem (shape first; the
 * cross-references once the shape is right), so nothing is written for a bad file.
 */
export function parsePricingModel(input: unknown): PricingModelSpec {
  const issues: Issue[] = []
  const top = pricingFileInput.safeParse(input)
  if (!top.success) issues.push(...toIssues(top.error))
  const rawMeters = (input as { usageMeters?: unknown } | null)?.usageMeters
  const meterInputs = parseMeters(Array.isArray(rawMeters) ? rawMeters : [], issues)
  if (!top.success || issues.length > 0) throw badRequest(issues)
  const file = top.data

  const usageMeters: UsageMeterSpec[] = meterInputs.map((m) =>
    m.shape === 'nested'
      ? { ...m.value.usageMeter, prices: meterPrices(m.value.prices) }
      : { ...m.value, prices: [] },
  )
  attachProductUsagePrices(usageMeters, file.products)
  const spec: PricingModelSpec = {
    name: file.name,
    isDefault: file.isDefault,
    usageMeters,
    resources: file.resources,
    features: file.features,
    products: file.products.map(productSpec),
  }
  const problems = crossReferenceIssues(spec, file.products)
  if (problems.length > 0) throw badRequest(problems)
  return spec
}
