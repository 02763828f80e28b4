'use client'
import type {
  ClaimResourceForm,
  ClaimResourceParams,
  ClaimResourceResponse,
  GetResourcesParams,
  GetResourcesResponse,
  ListResourceClaimsResponse,
  ReleaseResourceForm,
  ReleaseResourceParams,
  ReleaseResourceResponse,
  ResourceClaim,
  ResourceClaimMetadata,
  ResourceUsage,
} from '@flowglad/shared/browser'
import { useCallback, useContext } from 'react'
import { FlowgladRequestError } from './billing-client.js'
import { FlowgladContext } from './context.js'
import { RESOURCE_CLAIMS_QUERY_KEY, RESOURCES_QUERY_KEY } from './query-keys.js'
import { claimResource, releaseResource } from './resource-actions.js'
import { devClaimAnswer, devReleaseAnswer, devResourceUsages } from './resource-mocks.js'
import { errorResult } from './results.js'
import { type QueryStatus, useActionQuery } from './use-action-query.js'

export interface UseResourcesResult extends QueryStatus {
  /** Every resource of the subscription; `undefined` until loaded. */
  resources: ResourceUsage[] | undefined
  /** Claims units; rejects with a `FlowgladRequestError` on failure (as upstream). */
  claim: (params: ClaimResourceParams) => Promise<ClaimResourceResponse>
  /** Releases claims; rejects with a `FlowgladRequestError` on failure (as upstream). */
  release: (params: ReleaseResourceParams) => Promise<ReleaseResourceResponse>
}

/** `useResource(slug).claim` input: a claim form, the slug already chosen. */
export type ClaimOneResourceParams = GetResourcesParams & {
  metadata?: ResourceClaimMetadata | undefined
} & ClaimResourceForm

/** `useResource(slug).release` input: a release form, the slug already chosen. */
export type ReleaseOneResourceParams = GetResourcesParams & ReleaseResourceForm

export interface UseResourceResult extends QueryStatus {
  /** This resource's usage; `null` until loaded or when the subscription has no such resource. */
  usage: ResourceUsage | null
  /** Its active claims; an empty array until loaded. */
  claims: ResourceClaim[]
  /** True until the claims have loaded (`isLoading` is the usage's). */
  isLoadingClaims: boolean
  claim: (params: ClaimOneResourceParams) => Promise<ClaimResourceResponse>
  release: (params: ReleaseOneResourceParams) => Promise<ReleaseResourceResponse>
}

const noClaims: ResourceClaim[] = []

const outsideProvider = () =>
  Promise.reject(
    new FlowgladRequestError(
      errorResult('provider_missing', 'Flowglad hooks must be used inside a <FlowgladProvider>')
        .error,
    ),
  )

/**
 * The claim and release functions of the provider's client (stable across renders). Dev mode
 * answers them here, so the provider's dev fetch (in every bundle) carries no resource mocks.
 */
function useClaimActions() {
  const context = useContext(FlowgladContext)
  const client = context?.client
  const dev = context?.devMocks !== undefined
  const claim = useCallback(
    (params: ClaimResourceParams) => {
      if (!client) return outsideProvider()
      if (dev) return Promise.resolve(devClaimAnswer(params.resourceSlug))
      return claimResource(client, params)
    },
    [client, dev],
  )
  const release = useCallback(
    (params: ReleaseResourceParams) => {
      if (!client) return outsideProvider()
      if (dev) return Promise.resolve(devReleaseAnswer(params.resourceSlug))
      return releaseResource(client, params)
    },
    [client, dev],
  )
  return { claim, release }
}

/**
 * `resources/usages`: capacity, claimed and available for every resource of the subscription
 * (default: the only current one), loaded on mount; `claim`/`release` refresh it and the
 * `useResource` claims. Dev mode: upstream's fixed mocks (seats 10/3/7, api_keys 5/2/3).
 */
export function useResources(params?: GetResourcesParams): UseResourcesResult {
  const { data, isLoading, error } = useActionQuery<GetResourcesResponse>(
    { tag: RESOURCES_QUERY_KEY, action: 'resources/usages', input: params ?? {} },
    () => ({ resources: [...devResourceUsages] }),
  )
  const { claim, release } = useClaimActions()
  return { resources: data?.resources, isLoading, error, claim, release }
}

/**
 * One resource by slug: its usage (from the `useResources` query) and its active claims
 * (`resources/claims`); `claim`/`release` act on this slug. Dev mode: the fixed mocks, no claims.
 */
export function useResource(resourceSlug: string, params?: GetResourcesParams): UseResourceResult {
  const resources = useResources(params)
  const claimsQuery = useActionQuery<ListResourceClaimsResponse>(
    {
      tag: RESOURCE_CLAIMS_QUERY_KEY,
      action: 'resources/claims',
      input: { ...params, resourceSlug },
    },
    () => ({ claims: noClaims }),
  )
  const { claim: claimAny, release: releaseAny } = resources
  const claim = useCallback(
    (form: ClaimOneResourceParams) => claimAny({ ...form, resourceSlug } as ClaimResourceParams),
    [claimAny, resourceSlug],
  )
  const release = useCallback(
    (form: ReleaseOneResourceParams) =>
      releaseAny({ ...form, resourceSlug } as ReleaseResourceParams),
    [releaseAny, resourceSlug],
  )
  return {
    usage: resources.resources?.find((usage) => usage.resourceSlug === resourceSlug) ?? null,
    claims: claimsQuery.data?.claims ?? noClaims,
    isLoading: resources.isLoading,
    isLoadingClaims: claimsQuery.isLoading,
    error: resources.error ?? claimsQuery.error,
    claim,
    release,
  }
}
