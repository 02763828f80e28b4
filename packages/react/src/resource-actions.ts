import type {
  ClaimResourceParams,
  ClaimResourceResponse,
  ReleaseResourceParams,
  ReleaseResourceResponse,
} from '@flowglad/shared/browser'
import { type BillingClient, FlowgladRequestError } from './billing-client.js'
import { RESOURCE_CLAIMS_QUERY_KEY, RESOURCES_QUERY_KEY } from './query-keys.js'

/**
 * Claims or releases, then refreshes the mounted resource hooks. Unlike `useBilling()`'s
 * actions these reject (with a `FlowgladRequestError`: `code`, `json`) as upstream's do, so
 * `await claim(...)` inside a try block behaves the same on either package.
 */
async function changeClaims<T>(
  client: BillingClient,
  key: 'resources/claim' | 'resources/release',
  params: object,
): Promise<T> {
  const result = await client.call<T>(key, params)
  if ('error' in result) throw new FlowgladRequestError(result.error)
  client.invalidate(RESOURCES_QUERY_KEY)
  client.invalidate(RESOURCE_CLAIMS_QUERY_KEY)
  return result.data
}

export const claimResource = (client: BillingClient, params: ClaimResourceParams) =>
  changeClaims<ClaimResourceResponse>(client, 'resources/claim', params)

export const releaseResource = (client: BillingClient, params: ReleaseResourceParams) =>
  changeClaims<ReleaseResourceResponse>(client, 'resources/release', params)
