import {
  type ClaimResourceParams,
  type ClaimResourceResponse,
  claimResourceSchema,
  type GetResourcesParams,
  type GetResourcesResponse,
  type GetResourceUsageParams,
  type GetResourceUsageResponse,
  getResourcesSchema,
  getResourceUsageSchema,
  type ListResourceClaimsParams,
  type ListResourceClaimsResponse,
  listResourceClaimsSchema,
  parseOrThrow,
  type ReleaseResourceParams,
  type ReleaseResourceResponse,
  releaseResourceSchema,
} from '@flowglad/shared/core'
import type { RequestOptions } from './options.js'
import { apiPath, type FlowgladRestClient } from './rest-client.js'

// The `/resource-claims/{subscriptionId}/...` calls, shared by the customer-scoped server SDK
// (after its ownership check) and the admin client (none). Inputs are parsed with the shared
// schemas first, so bad input is a `validation_error` and nothing is sent.

export type ParsedClaim = ReturnType<typeof claimResourceSchema.parse>
export type ParsedRelease = ReturnType<typeof releaseResourceSchema.parse>
export type ParsedUsageQuery = ReturnType<typeof getResourceUsageSchema.parse>
export type ParsedClaimsQuery = ReturnType<typeof listResourceClaimsSchema.parse>

export const parseClaim = (params: ClaimResourceParams): ParsedClaim =>
  parseOrThrow(claimResourceSchema, params, 'Invalid claim')
export const parseRelease = (params: ReleaseResourceParams): ParsedRelease =>
  parseOrThrow(releaseResourceSchema, params, 'Invalid release')
export const parseResourcesQuery = (params: GetResourcesParams | undefined) =>
  parseOrThrow(getResourcesSchema, params ?? {}, 'Invalid resources query')
export const parseUsageQuery = (params: GetResourceUsageParams): ParsedUsageQuery =>
  parseOrThrow(getResourceUsageSchema, params, 'Invalid resource usage query')
export const parseClaimsQuery = (params: ListResourceClaimsParams | undefined): ParsedClaimsQuery =>
  parseOrThrow(listResourceClaimsSchema, params ?? {}, 'Invalid resource claims query')

/** `GET .../usages` answers `[{ usage, claims }]`; callers get the usages (upstream's shape). */
export async function fetchResourceUsages(
  client: FlowgladRestClient,
  subscriptionId: string,
  options?: RequestOptions,
): Promise<GetResourcesResponse> {
  const list = await client.get<GetResourceUsageResponse[]>(
    apiPath`/resource-claims/${subscriptionId}/usages`,
    {},
    options,
  )
  return { resources: (list ?? []).map((entry) => entry.usage) }
}

/** One resource by slug or id; only that identifier is sent (upstream sends the whole params). */
export function fetchResourceUsage(
  client: FlowgladRestClient,
  subscriptionId: string,
  input: ParsedUsageQuery,
  options?: RequestOptions,
): Promise<GetResourceUsageResponse> {
  return client.get(
    apiPath`/resource-claims/${subscriptionId}/usage`,
    { resourceSlug: input.resourceSlug, resourceId: input.resourceId },
    options,
  )
}

/** `POST .../claim` or `.../release`: the parsed form as the body, the subscription in the path. */
function postChange<T>(
  client: FlowgladRestClient,
  subscriptionId: string,
  op: 'claim' | 'release',
  { subscriptionId: _given, ...body }: ParsedClaim | ParsedRelease,
  options?: RequestOptions,
): Promise<T> {
  // Claims and releases by `quantity` are not idempotent: a retry after a lost answer would
  // claim (or release) twice. They are sent once unless the call asks for retries; the forms by
  // id are idempotent and keep the client's retries.
  const retries =
    body.quantity === undefined ? options : { ...options, maxRetries: options?.maxRetries ?? 0 }
  return client.post(apiPath`/resource-claims/${subscriptionId}/${op}`, body, retries)
}

export const postClaim = (
  client: FlowgladRestClient,
  subscriptionId: string,
  input: ParsedClaim,
  options?: RequestOptions,
) => postChange<ClaimResourceResponse>(client, subscriptionId, 'claim', input, options)

export const postRelease = (
  client: FlowgladRestClient,
  subscriptionId: string,
  input: ParsedRelease,
  options?: RequestOptions,
) => postChange<ReleaseResourceResponse>(client, subscriptionId, 'release', input, options)

export function fetchClaims(
  client: FlowgladRestClient,
  subscriptionId: string,
  input: ParsedClaimsQuery,
  options?: RequestOptions,
): Promise<ListResourceClaimsResponse> {
  return client.get(
    apiPath`/resource-claims/${subscriptionId}/claims`,
    { resourceSlug: input.resourceSlug },
    options,
  )
}
