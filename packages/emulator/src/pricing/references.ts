import type { Issue } from '../errors.js'
import { duplicates } from '../seed/format.js'
import { noChargeSlug, type PricingModelSpec } from './model.js'
import type { ProductInput } from './schema.js'

/** Every price slug of the model, the implicit no-charge ones included (one namespace). */
function priceSlugs(spec: PricingModelSpec): string[] {
  const slugs: string[] = []
  for (const meter of spec.usageMeters) {
    const declared = meter.prices.flatMap((p) => (p.slug === null ? [] : [p.slug]))
    if (!declared.includes(noChargeSlug(meter.slug))) slugs.push(noChargeSlug(meter.slug))
    slugs.push(...declared)
  }
  for (const { price } of spec.products) if (price?.slug) slugs.push(price.slug)
  return slugs
}

/**
 * What the schema cannot see: repeated slugs, slugs that name nothing, and the default
 * rules. `products` is the input as written (older-shape usage prices name their meter there).
 */
export function crossReferenceIssues(
  spec: PricingModelSpec,
  products: readonly ProductInput[],
): Issue[] {
  const issues: Issue[] = []
  const add = (path: Issue['path'], message: string) =>
    issues.push({ code: 'custom', path, message })

  for (const slug of duplicates(spec.usageMeters.map((m) => m.slug)))
    add(['usageMeters'], `duplicate usage meter slug ${slug}`)
  for (const slug of duplicates(spec.resources.map((r) => r.slug)))
    add(['resources'], `duplicate resource slug ${slug}`)
  for (const slug of duplicates(spec.features.map((f) => f.slug)))
    add(['features'], `duplicate feature slug ${slug}`)
  for (const slug of duplicates(spec.products.map((p) => p.product.slug)))
    add(['products'], `duplicate product slug ${slug}`)
  for (const slug of duplicates(priceSlugs(spec))) add([], `duplicate price slug ${slug}`)

  const meters = new Set(spec.usageMeters.map((m) => m.slug))
  const resources = new Set(spec.resources.map((r) => r.slug))
  const features = new Set(spec.features.map((f) => f.slug))
  spec.features.forEach((feature, i) => {
    if (feature.type === 'usage_credit_grant' && !meters.has(feature.usageMeterSlug))
      add(
        ['features', i, 'usageMeterSlug'],
        `unknown usage meter ${feature.usageMeterSlug} (feature ${feature.slug})`,
      )
    if (feature.type === 'resource' && !resources.has(feature.resourceSlug))
      add(
        ['features', i, 'resourceSlug'],
        `unknown resource ${feature.resourceSlug} (feature ${feature.slug})`,
      )
  })

  products.forEach(({ product, price, features: listed }, i) => {
    listed.forEach((slug, j) => {
      if (!features.has(slug))
        add(['products', i, 'features', j], `unknown feature ${slug} (product ${product.slug})`)
    })
    if (price.type === 'usage' && !meters.has(price.usageMeterSlug))
      add(
        ['products', i, 'price', 'usageMeterSlug'],
        `unknown usage meter ${price.usageMeterSlug} (product ${product.slug})`,
      )
    if (product.default && (price.type === 'usage' || price.unitPrice !== 0))
      add(
        ['products', i, 'price'],
        `the default product ${product.slug} must have a free subscription or single_payment price`,
      )
  })
  if (products.filter((p) => p.product.default).length > 1)
    add(['products'], 'at most one product may be the default')

  spec.usageMeters.forEach((meter, i) => {
    const defaults = meter.prices.filter((p) => p.productSlug === null && p.isDefault)
    if (defaults.length > 1)
      add(
        ['usageMeters', i, 'prices'],
        `at most one price of meter ${meter.slug} may be the default`,
      )
  })
  return issues
}
