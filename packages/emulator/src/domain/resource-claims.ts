import type { ResourceUsage } from '@flowglad/shared/browser'
import { badRequest, notFound } from '../errors.js'
import { pushIndex, rowsByIndex, type State } from '../store/state.js'
import type {
  Metadata,
  PriceRow,
  ResourceClaimRow,
  ResourceRow,
  SubscriptionRow,
} from '../store/types.js'
import { productFeatures } from './catalog.js'
import { isClaimActive } from './resource-claim-expiry.js'
import { ownedRowBase } from './resources.js'
import { activeItems, itemFeatures } from './subscription-items.js'
import { isCurrent } from './subscriptions.js'

// Capacity is derived, never stored: Σ (resource feature amount × item quantity) over the
// subscription's items in force, so adjustments, scheduled changes and cancellations change it
// by date alone. Claims are rows; every write below runs synchronously after the request body
// has been read, so concurrent requests cannot interleave between the check and the insert.

export type { ResourceUsage }

/** Capacity per resource id of the subscription's items in force at `at` (0 once it ended). */
export function capacities(state: State, sub: SubscriptionRow, at: number): Map<string, number> {
  const out = new Map<string, number>()
  if (!isCurrent(sub)) return out
  for (const item of activeItems(state, sub, at)) {
    for (const feature of itemFeatures(state, item.id)) {
      if (feature.type !== 'resource' || feature.resourceId === undefined) continue
      if (feature.expiredAt !== null && feature.expiredAt <= at) continue
      const amount = (feature.amount ?? 0) * item.quantity
      out.set(feature.resourceId, (out.get(feature.resourceId) ?? 0) + amount)
    }
  }
  return out
}

/** The claims a subscription holds now, of one resource or (without `resourceId`) of all. */
export function activeClaims(
  state: State,
  subscriptionId: string,
  resourceId?: string,
): ResourceClaimRow[] {
  return rowsByIndex(
    state.tables.resourceClaims,
    state.indexes.claimsBySubscription,
    subscriptionId,
  ).filter((claim) => isClaimActive(claim) && (!resourceId || claim.resourceId === resourceId))
}

export function resourceUsage(
  state: State,
  sub: SubscriptionRow,
  resource: ResourceRow,
  now: number,
): { usage: ResourceUsage; claims: ResourceClaimRow[] } {
  const claims = activeClaims(state, sub.id, resource.id)
  const capacity = capacities(state, sub, now).get(resource.id) ?? 0
  return { usage: usageOf(resource, capacity, claims.length), claims }
}

function usageOf(resource: ResourceRow, capacity: number, claimed: number): ResourceUsage {
  // After a downgrade the hosted API refuses (see `checkCapacityForItems`), claimed cannot
  // exceed capacity; the floor only guards hand-edited snapshots.
  const available = Math.max(0, capacity - claimed)
  return { resourceSlug: resource.slug, resourceId: resource.id, capacity, claimed, available }
}

/**
 * `GET /resource-claims/{sub}/usages`: the resources the subscription has capacity for or holds
 * claims on (in creation order), or exactly those `only` names.
 */
export function resourceUsages(
  state: State,
  sub: SubscriptionRow,
  now: number,
  only?: ResourceRow[],
): { usage: ResourceUsage; claims: ResourceClaimRow[] }[] {
  const capacity = capacities(state, sub, now)
  const held = activeClaims(state, sub.id)
  const resources =
    only ??
    [...state.tables.resources.values()].filter(
      (r) => capacity.has(r.id) || held.some((claim) => claim.resourceId === r.id),
    )
  return resources.map((resource) => {
    const claims = held.filter((claim) => claim.resourceId === resource.id)
    return { usage: usageOf(resource, capacity.get(resource.id) ?? 0, claims.length), claims }
  })
}

export type ClaimRequest =
  | { quantity: number; metadata?: Metadata | null }
  | { externalIds: string[]; metadata?: Metadata | null }

function newClaim(
  state: State,
  sub: SubscriptionRow,
  resource: ResourceRow,
  externalId: string | null,
  metadata: Metadata | null,
  now: number,
): ResourceClaimRow {
  const row: ResourceClaimRow = {
    ...ownedRowBase(state, 'resource_claim', now),
    resourceId: resource.id,
    subscriptionId: sub.id,
    pricingModelId: sub.pricingModelId,
    externalId,
    claimedAt: now,
    releasedAt: null,
    releaseReason: null,
    expiredAt: null,
    metadata,
  }
  state.tables.resourceClaims.set(row.id, row)
  pushIndex(state.indexes.claimsBySubscription, sub.id, row.id)
  return row
}

/**
 * How many units may be held now: the capacity, or less while a scheduled adjustment will
 * lower it (so that claims never exceed the capacity the subscription is about to have).
 */
function claimLimit(state: State, sub: SubscriptionRow, resource: ResourceRow, now: number) {
  const current = capacities(state, sub, now).get(resource.id) ?? 0
  const at = sub.scheduledAdjustmentAt ?? null
  if (at === null || at <= now) return { limit: current, current, scheduled: null }
  const scheduled = capacities(state, sub, at).get(resource.id) ?? 0
  return { limit: Math.min(current, scheduled), current, scheduled: { at, capacity: scheduled } }
}

/**
 * `POST /resource-claims/{sub}/claim`. All or nothing: when the new claims do not fit, it is a
 * 400 and nothing is stored. An external id already held is returned as is (idempotent) and
 * takes no further capacity.
 */
export function claimResource(
  state: State,
  sub: SubscriptionRow,
  resource: ResourceRow,
  request: ClaimRequest,
  now: number,
): { claims: ResourceClaimRow[]; usage: ResourceUsage } {
  if (!isCurrent(sub)) {
    throw badRequest(
      `Invalid subscription: ${sub.id} is ${sub.status}; only a current subscription can claim resources`,
    )
  }
  if (!resource.active)
    throw badRequest(`Invalid resourceSlug: resource ${resource.slug} is not active`)
  const held = activeClaims(state, sub.id, resource.id)
  const heldByExternalId = new Map<string, ResourceClaimRow>()
  for (const claim of held)
    if (claim.externalId !== null) heldByExternalId.set(claim.externalId, claim)
  const wanted = 'quantity' in request ? [] : [...new Set(request.externalIds)]
  const fresh = wanted.filter((id) => !heldByExternalId.has(id))
  const adding = 'quantity' in request ? request.quantity : fresh.length
  const { limit, current, scheduled } = claimLimit(state, sub, resource, now)
  if (held.length + adding > limit) {
    const why =
      scheduled && scheduled.capacity < current
        ? ` (a scheduled adjustment lowers its capacity to ${scheduled.capacity} at ${new Date(scheduled.at).toISOString()})`
        : ''
    throw badRequest(
      `Insufficient capacity: cannot claim ${adding} of resource ${resource.slug}; ${held.length} of ${limit} claimed, ${Math.max(0, limit - held.length)} available${why}`,
    )
  }
  const metadata = request.metadata ?? null
  let claims: ResourceClaimRow[]
  if ('quantity' in request) {
    claims = Array.from({ length: request.quantity }, () =>
      newClaim(state, sub, resource, null, metadata, now),
    )
  } else {
    claims = wanted.map(
      (id) => heldByExternalId.get(id) ?? newClaim(state, sub, resource, id, metadata, now),
    )
  }
  return { claims, usage: resourceUsage(state, sub, resource, now).usage }
}

export type ReleaseRequest =
  | { quantity: number }
  | { externalIds: string[] }
  | { claimIds: string[] }

export const RELEASE_REASON = 'released'

/**
 * `POST /resource-claims/{sub}/release`. By `quantity`: the oldest anonymous claims (400 if it
 * holds fewer, nothing released). By external ids: those held (ids not held are skipped, so a
 * release can be repeated). By claim ids: each must be a claim of this subscription and
 * resource (404 otherwise, nothing released); ones already released are skipped.
 */
export function releaseResource(
  state: State,
  sub: SubscriptionRow,
  resource: ResourceRow,
  request: ReleaseRequest,
  now: number,
): { releasedClaims: ResourceClaimRow[]; usage: ResourceUsage } {
  const held = activeClaims(state, sub.id, resource.id)
  let releasing: ResourceClaimRow[]
  if ('quantity' in request) {
    const anonymous = held.filter((claim) => claim.externalId === null)
    if (anonymous.length < request.quantity) {
      throw badRequest(
        `Invalid quantity: cannot release ${request.quantity} anonymous claims of resource ${resource.slug}; ${anonymous.length} held`,
      )
    }
    releasing = anonymous.slice(0, request.quantity)
  } else if ('externalIds' in request) {
    const ids = new Set(request.externalIds)
    releasing = held.filter((claim) => claim.externalId !== null && ids.has(claim.externalId))
  } else {
    const unknown = request.claimIds.filter((id) => {
      const claim = state.tables.resourceClaims.get(id)
      return !claim || claim.subscriptionId !== sub.id || claim.resourceId !== resource.id
    })
    if (unknown.length > 0) {
      throw notFound(
        `ResourceClaim not found: ${unknown.join(', ')} (on ${sub.id}, resource ${resource.slug})`,
      )
    }
    const ids = new Set(request.claimIds)
    releasing = held.filter((claim) => ids.has(claim.id))
  }
  for (const claim of releasing) {
    claim.releasedAt = now
    claim.releaseReason = RELEASE_REASON
    claim.updatedAt = now
  }
  return { releasedClaims: releasing, usage: resourceUsage(state, sub, resource, now).usage }
}

/**
 * 400 when replacing the subscription's items by `next` would leave a resource with fewer units
 * than are claimed (the app must release claims first). Used by adjust (both timings) and, as a
 * `canAdjust: false` reason, by preview-adjust.
 */
export function checkCapacityForItems(
  state: State,
  sub: SubscriptionRow,
  next: { price: PriceRow; quantity: number }[],
): void {
  const held = activeClaims(state, sub.id)
  if (held.length === 0) return
  const after = new Map<string, number>()
  for (const { price, quantity } of next) {
    if (!price.productId) continue
    for (const feature of productFeatures(state, price.productId)) {
      if (feature.type !== 'resource') continue
      after.set(
        feature.resourceId,
        (after.get(feature.resourceId) ?? 0) + feature.amount * quantity,
      )
    }
  }
  const claimed = new Map<string, number>()
  for (const claim of held) claimed.set(claim.resourceId, (claimed.get(claim.resourceId) ?? 0) + 1)
  for (const [resourceId, count] of claimed) {
    const capacity = after.get(resourceId) ?? 0
    if (count <= capacity) continue
    const slug = state.tables.resources.get(resourceId)?.slug ?? resourceId
    throw badRequest(
      `Invalid newSubscriptionItems: resource ${slug} would have capacity ${capacity} but ${count} units are claimed; release ${count - capacity} first`,
    )
  }
}
