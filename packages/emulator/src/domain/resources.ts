import { badRequest, notFound } from '../errors.js'
import { newId } from '../ids.js'
import type { State } from '../store/state.js'
import type { ResourceFeatureRow, ResourceRow } from '../store/types.js'
import { requirePricingModel } from './catalog.js'

/** What a pricing model declares about one resource (`resources[]` of a seed or pricing file). */
export interface ResourceInput {
  slug: string
  name: string
  active?: boolean
}

/** A feature of type `resource`: grants `amount` units of `resourceId` per item quantity. */
export interface ResourceFeatureInput {
  slug: string
  name: string
  description?: string
  amount: number
  resourceId: string
  active?: boolean
}

/** The columns every organisation-owned row starts with. */
export const ownedRowBase = (state: State, prefix: string, now: number) => ({
  id: newId(prefix),
  createdAt: now,
  updatedAt: now,
  livemode: state.livemode,
  organizationId: state.organizationId,
})

export function findResourceBySlug(
  state: State,
  pricingModelId: string,
  slug: string,
): ResourceRow | undefined {
  for (const resource of state.tables.resources.values()) {
    if (resource.pricingModelId === pricingModelId && resource.slug === slug) return resource
  }
  return undefined
}

/** The resource with this id in the key's organisation, else 404. */
export function requireResource(state: State, id: string): ResourceRow {
  const resource = state.tables.resources.get(id)
  if (!resource || resource.organizationId !== state.organizationId) {
    throw notFound(`Resource not found: ${id}`)
  }
  return resource
}

/** Creates one resource; 400 when the pricing model already has its slug. */
export function createResource(
  state: State,
  now: number,
  pricingModelId: string,
  input: ResourceInput,
): ResourceRow {
  requirePricingModel(state, pricingModelId)
  if (findResourceBySlug(state, pricingModelId, input.slug)) {
    throw badRequest(`Invalid slug: a resource with slug ${input.slug} already exists`)
  }
  const row: ResourceRow = {
    ...ownedRowBase(state, 'resource', now),
    pricingModelId,
    slug: input.slug,
    name: input.name,
    active: input.active ?? true,
  }
  state.tables.resources.set(row.id, row)
  return row
}

/**
 * Inserts the resources a pricing model declares, in order, and returns them by slug (so the
 * caller can resolve `resourceSlug` of its `resource` features to ids). Loaders of pricing
 * models (the JSON seed, pricing files) call this after creating the pricing model and before
 * its features. A slug listed twice or already present is a 400.
 */
export function insertResources(
  state: State,
  now: number,
  pricingModelId: string,
  resources: readonly ResourceInput[],
): Map<string, ResourceRow> {
  const bySlug = new Map<string, ResourceRow>()
  for (const input of resources) {
    bySlug.set(input.slug, createResource(state, now, pricingModelId, input))
  }
  return bySlug
}

/**
 * Creates a feature of type `resource` (attach it to products with `attachFeature`). The
 * resource must belong to the same pricing model (404 otherwise).
 */
export function createResourceFeature(
  state: State,
  now: number,
  pricingModelId: string,
  input: ResourceFeatureInput,
): ResourceFeatureRow {
  const resource = state.tables.resources.get(input.resourceId)
  if (!resource || resource.pricingModelId !== pricingModelId) {
    throw notFound(`Resource not found: ${input.resourceId}`)
  }
  const row: ResourceFeatureRow = {
    ...ownedRowBase(state, 'feature', now),
    type: 'resource',
    slug: input.slug,
    name: input.name,
    description: input.description ?? '',
    amount: input.amount,
    usageMeterId: null,
    renewalFrequency: null,
    pricingModelId,
    resourceId: resource.id,
    active: input.active ?? true,
  }
  state.tables.features.set(row.id, row)
  return row
}

/** `PUT /resources/{id}`: renames, re-slugs or (de)activates a resource. */
export function updateResource(
  state: State,
  resource: ResourceRow,
  patch: { slug?: string; name?: string; active?: boolean },
  now: number,
): ResourceRow {
  if (patch.slug !== undefined && patch.slug !== resource.slug) {
    if (findResourceBySlug(state, resource.pricingModelId, patch.slug)) {
      throw badRequest(`Invalid slug: a resource with slug ${patch.slug} already exists`)
    }
    resource.slug = patch.slug
  }
  if (patch.name !== undefined) resource.name = patch.name
  if (patch.active !== undefined) resource.active = patch.active
  resource.updatedAt = now
  return resource
}
