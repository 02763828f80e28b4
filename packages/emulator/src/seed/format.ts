import * as z from 'zod'
import { badRequest, type Issue } from '../errors.js'

const slug = z.string().min(1)
const interval = z.enum(['day', 'week', 'month', 'year'])
const cents = z.number().int().min(0)
const positiveInt = z.number().int().positive()

const usagePriceSeed = z.object({
  slug,
  name: z.string().optional(),
  unitPrice: cents,
  usageEventsPerUnit: positiveInt.default(1),
  isDefault: z.boolean().default(false),
  intervalUnit: interval.default('month'),
  intervalCount: positiveInt.default(1),
})

const usageMeterSeed = z.object({
  slug,
  name: z.string().min(1),
  aggregationType: z.enum(['sum', 'count_distinct_properties']).default('sum'),
  prices: z.array(usagePriceSeed).default([]),
})

const featureSeed = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('toggle'),
    slug,
    name: z.string().min(1),
    description: z.string().optional(),
  }),
  z.object({
    type: z.literal('usage_credit_grant'),
    slug,
    name: z.string().min(1),
    description: z.string().optional(),
    amount: positiveInt,
    usageMeterSlug: slug,
    renewalFrequency: z.enum(['once', 'every_billing_period']),
  }),
  z.object({
    type: z.literal('resource'),
    slug,
    name: z.string().min(1),
    description: z.string().optional(),
    amount: positiveInt,
    resourceSlug: slug,
  }),
])

const resourceSeed = z.object({
  slug,
  name: z.string().min(1),
  active: z.boolean().default(true),
})

const productPriceSeed = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('subscription'),
    slug,
    name: z.string().optional(),
    unitPrice: cents,
    intervalUnit: interval.default('month'),
    intervalCount: positiveInt.default(1),
    isDefault: z.boolean().default(false),
    trialPeriodDays: z.number().int().min(0).optional(),
  }),
  z.object({
    type: z.literal('single_payment'),
    slug,
    name: z.string().optional(),
    unitPrice: cents,
    isDefault: z.boolean().default(false),
  }),
])

const productSeed = z.object({
  slug,
  name: z.string().min(1),
  description: z.string().optional(),
  default: z.boolean().default(false),
  active: z.boolean().default(true),
  features: z.array(slug).default([]),
  prices: z.array(productPriceSeed).min(1),
})

/** The seed file format: one pricing model as JSON ("pricing as code"). */
export const seedSchema = z.object({
  name: z.string().min(1),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),
  usageMeters: z.array(usageMeterSeed).default([]),
  resources: z.array(resourceSeed).default([]),
  features: z.array(featureSeed).default([]),
  products: z.array(productSeed).min(1),
})

/** What a user writes (defaults optional). */
export type SeedInput = z.input<typeof seedSchema>
/** A validated seed with defaults filled in. */
export type Seed = z.output<typeof seedSchema>

function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    code: issue.code,
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
  }))
}

/** The values listed more than once (each once). */
export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const v of values) {
    if (seen.has(v)) dup.add(v)
    seen.add(v)
  }
  return [...dup]
}

/**
 * Validates a seed (shape, then cross-references). Throws an EmulatorError (BAD_REQUEST)
 * listing every problem; returns the seed with defaults applied.
 */
export function parseSeed(input: unknown): Seed {
  const parsed = seedSchema.safeParse(input)
  if (!parsed.success) throw badRequest(toIssues(parsed.error))
  const seed = parsed.data
  const issues: Issue[] = []
  const add = (path: (string | number)[], message: string) =>
    issues.push({ code: 'custom', path, message })

  const meterSlugs = new Set(seed.usageMeters.map((m) => m.slug))
  const resourceSlugs = new Set(seed.resources.map((r) => r.slug))
  const featureSlugs = new Set(seed.features.map((f) => f.slug))
  const priceSlugs = [
    ...seed.usageMeters.flatMap((m) => [`${m.slug}_no_charge`, ...m.prices.map((p) => p.slug)]),
    ...seed.products.flatMap((p) => p.prices.map((price) => price.slug)),
  ]
  for (const d of duplicates(seed.usageMeters.map((m) => m.slug)))
    add(['usageMeters'], `duplicate usage meter slug ${d}`)
  for (const d of duplicates(seed.resources.map((r) => r.slug)))
    add(['resources'], `duplicate resource slug ${d}`)
  for (const d of duplicates(seed.features.map((f) => f.slug)))
    add(['features'], `duplicate feature slug ${d}`)
  for (const d of duplicates(seed.products.map((p) => p.slug)))
    add(['products'], `duplicate product slug ${d}`)
  for (const d of duplicates(priceSlugs)) add([], `duplicate price slug ${d}`)

  seed.usageMeters.forEach((meter, i) => {
    if (meter.prices.filter((p) => p.isDefault).length > 1)
      add(['usageMeters', i, 'prices'], 'at most one price may be the default')
  })
  seed.features.forEach((feature, i) => {
    if (feature.type === 'usage_credit_grant' && !meterSlugs.has(feature.usageMeterSlug))
      add(['features', i, 'usageMeterSlug'], `unknown usage meter ${feature.usageMeterSlug}`)
    if (feature.type === 'resource' && !resourceSlugs.has(feature.resourceSlug))
      add(['features', i, 'resourceSlug'], `unknown resource ${feature.resourceSlug}`)
  })
  if (seed.products.filter((p) => p.default).length > 1)
    add(['products'], 'at most one product may be the default')
  seed.products.forEach((product, i) => {
    product.features.forEach((f, j) => {
      if (!featureSlugs.has(f)) add(['products', i, 'features', j], `unknown feature ${f}`)
    })
    if (product.prices.filter((p) => p.isDefault).length > 1)
      add(['products', i, 'prices'], 'at most one price may be the default')
    if (
      product.default &&
      product.prices.some((p) => p.type !== 'subscription' || p.unitPrice !== 0)
    )
      add(['products', i, 'prices'], 'the default product must have only free subscription prices')
  })
  if (issues.length > 0) throw badRequest(issues)
  return seed
}
