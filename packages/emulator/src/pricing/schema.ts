/**
 * The input schemas of a pricing file (Flowglad's `pricing.yaml`) and of
 * `POST /pricing-models/setup`. One set of schemas takes both shapes in use:
 * - current (the OpenAPI setup schema): `usageMeters[]` are `{ usageMeter, prices }` and
 *   usage prices live on their meter;
 * - older, flat: `usageMeters[]` are plain `{ name, slug, aggregationType }` and a usage price
 *   sits on its own product (`price.type: usage` with `usageMeterSlug`).
 * Fields the hosted schema requires but older files leave out get their documented defaults.
 * Keys the emulator does not know are ignored.
 */
import * as z from 'zod'

const slug = z.string().min(1).max(255)
const name = z.string().min(1).max(255)
const interval = z.enum(['day', 'week', 'month', 'year'])
const cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
const positiveInt = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null)
/** A field the hosted schema marks "Omitted." for this price type: absent or null only. */
const omitted = z.null().optional()
/** ISO 4217, upper case (the hosted schema lists the codes it supports). */
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .optional()

const featureCommon = {
  slug,
  name: z.string().min(1),
  description: z.string().default(''),
  active: z.boolean().default(true),
}

export const featureInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('toggle'), ...featureCommon }),
  z.object({
    type: z.literal('usage_credit_grant'),
    ...featureCommon,
    amount: positiveInt,
    renewalFrequency: z.enum(['once', 'every_billing_period']),
    usageMeterSlug: slug,
  }),
  z.object({
    type: z.literal('resource'),
    ...featureCommon,
    amount: positiveInt,
    resourceSlug: slug,
  }),
])

const priceCommon = {
  slug: nullish(slug),
  name: nullish(name),
  unitPrice: cents,
  active: z.boolean().default(true),
  currency,
}

const subscriptionPriceInput = z.object({
  type: z.literal('subscription'),
  ...priceCommon,
  // "Must have active=true and isDefault=true": a product's one price is its default.
  isDefault: z.boolean().default(true),
  intervalUnit: interval,
  intervalCount: positiveInt,
  trialPeriodDays: nullish(z.number().int().min(0)),
  usageEventsPerUnit: omitted,
  usageMeterId: omitted,
})

const singlePaymentPriceInput = z.object({
  type: z.literal('single_payment'),
  ...priceCommon,
  isDefault: z.boolean().default(true),
  intervalUnit: omitted,
  intervalCount: omitted,
  trialPeriodDays: omitted,
  usageEventsPerUnit: omitted,
  usageMeterId: omitted,
})

/** A usage price on a meter (current shape); `isDefault` unset is decided per meter. */
export const meterPriceInput = z.object({
  type: z.literal('usage').default('usage'),
  ...priceCommon,
  isDefault: z.boolean().optional(),
  intervalUnit: interval.default('month'),
  intervalCount: positiveInt.default(1),
  usageEventsPerUnit: positiveInt,
  trialPeriodDays: omitted,
})

/** A usage price on its own product (older shape), naming its meter by slug. */
const productUsagePriceInput = meterPriceInput.extend({
  type: z.literal('usage'),
  isDefault: z.boolean().default(true),
  usageMeterSlug: slug,
})

export const productInput = z.object({
  product: z.object({
    name,
    slug,
    description: nullish(z.string()),
    imageURL: nullish(z.string()),
    active: z.boolean().default(true),
    default: z.boolean().default(false),
    singularQuantityLabel: nullish(z.string()),
    pluralQuantityLabel: nullish(z.string()),
  }),
  price: z.discriminatedUnion('type', [
    subscriptionPriceInput,
    singlePaymentPriceInput,
    productUsagePriceInput,
  ]),
  features: z.array(slug).default([]),
})

const meterFields = {
  name: z.string().min(1),
  slug,
  aggregationType: z.enum(['sum', 'count_distinct_properties']).default('sum'),
}

/** Current shape: `{ usageMeter: {...}, prices: [...] }`. */
export const nestedMeterInput = z.object({
  usageMeter: z.object(meterFields),
  prices: z.array(meterPriceInput).default([]),
})

/** Older shape: the meter's fields at the top level, no prices. */
export const flatMeterInput = z.object(meterFields)

export const resourceInput = z.object({ slug, name, active: z.boolean().default(true) })

/** Top level. `usageMeters` items are checked one by one (either shape, see `normalise`). */
export const pricingFileInput = z.object({
  name,
  isDefault: z.boolean().default(false),
  features: z.array(featureInput).default([]),
  products: z.array(productInput),
  usageMeters: z.array(z.unknown()).default([]),
  resources: z.array(resourceInput).default([]),
})

export type FeatureInput = z.output<typeof featureInput>
export type ProductInput = z.output<typeof productInput>
export type MeterPriceInput = z.output<typeof meterPriceInput>

/** A pricing file as written (either shape), e.g. the result of `parsePricingText`. */
export type PricingFileInput = Omit<z.input<typeof pricingFileInput>, 'usageMeters'> & {
  usageMeters?: (z.input<typeof nestedMeterInput> | z.input<typeof flatMeterInput>)[]
}
