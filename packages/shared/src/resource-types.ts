// Resources (claimable capacity: seats, API keys, projects): the wire objects, written from the
// OpenAPI document (epoch ms timestamps), and the inputs and answers of the `resources/*` actions.

/** A resource of the pricing model (`ResourceClientSelectSchema`). */
export interface Resource {
  id: string
  createdAt: number
  updatedAt: number
  livemode: boolean
  organizationId: string
  pricingModelId: string
  slug: string
  name: string
  active: boolean
}

/** One resource of one subscription: capacity from its resource features, and what is claimed. */
export interface ResourceUsage {
  resourceSlug: string
  resourceId: string
  capacity: number
  claimed: number
  available: number
}

/** A claim on one unit (`ResourceClaimClientSelectSchema`); `externalId` null for anonymous ones. */
export interface ResourceClaim {
  id: string
  createdAt: number
  updatedAt: number
  livemode: boolean
  organizationId: string
  resourceId: string
  subscriptionId: string
  pricingModelId: string
  externalId: string | null
  claimedAt: number
  releasedAt?: number | null
  releaseReason: string | null
  expiredAt?: number | null
  metadata?: ResourceClaimMetadata | null
}

/** Claim metadata: strings (at most 500 characters), numbers and booleans. */
export type ResourceClaimMetadata = Record<string, string | number | boolean>

/** A resource named by its slug or its id (upstream name). */
export type ResourceIdentifier =
  | { resourceSlug: string; resourceId?: never }
  | { resourceId: string; resourceSlug?: never }

interface SubscriptionChoice {
  /** Default: the customer's only current subscription. */
  subscriptionId?: string | undefined
}

export type GetResourcesParams = SubscriptionChoice
export type GetResourceUsageParams = SubscriptionChoice & ResourceIdentifier
export type ListResourceClaimsParams = SubscriptionChoice & { resourceSlug?: string | undefined }

/** `quantity` anonymous claims, or named ones by `externalId` / `externalIds` (idempotent). */
export type ClaimResourceForm =
  | { quantity: number; externalId?: never; externalIds?: never }
  | { externalId: string; quantity?: never; externalIds?: never }
  | { externalIds: string[]; quantity?: never; externalId?: never }

/** What `POST /resource-claims/{subscriptionId}/claim` takes. */
export type ClaimResourceBody = {
  resourceSlug: string
  metadata?: ResourceClaimMetadata | undefined
} & ClaimResourceForm

export type ClaimResourceParams = SubscriptionChoice & ClaimResourceBody

/** The oldest `quantity` anonymous claims, named ones by external id(s), or any by claim ids. */
export type ReleaseResourceForm =
  | { quantity: number; externalId?: never; externalIds?: never; claimIds?: never }
  | { externalId: string; quantity?: never; externalIds?: never; claimIds?: never }
  | { externalIds: string[]; quantity?: never; externalId?: never; claimIds?: never }
  | { claimIds: string[]; quantity?: never; externalId?: never; externalIds?: never }

/** What `POST /resource-claims/{subscriptionId}/release` takes. */
export type ReleaseResourceBody = { resourceSlug: string } & ReleaseResourceForm

export type ReleaseResourceParams = SubscriptionChoice & ReleaseResourceBody

/** `resources/usages`: one usage per resource of the subscription. */
export interface GetResourcesResponse {
  resources: ResourceUsage[]
}

/** `resources/usages/retrieve`: the resource's usage and its active claims. */
export interface GetResourceUsageResponse {
  usage: ResourceUsage
  claims: ResourceClaim[]
}

/** `resources/claim`: the claims made (or already held, for an external id) and the new usage. */
export interface ClaimResourceResponse {
  claims: ResourceClaim[]
  usage: ResourceUsage
}

export interface ReleaseResourceResponse {
  releasedClaims: ResourceClaim[]
  usage: ResourceUsage
}

export interface ListResourceClaimsResponse {
  claims: ResourceClaim[]
}
