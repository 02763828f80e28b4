// @flowglad/server: the REST client, FlowgladServer (customer-scoped), FlowgladServerAdmin and
// the request handler core. Edge-safe: nothing reachable from here imports a `node:` module.

export type { GetPricingModelResponse } from '@flowglad/shared/core'
export {
  FlowgladServerAdmin,
  type FlowgladServerAdminOptions,
} from './admin/flowglad-server-admin.js'
export * from './batcher/index.js'
export {
  errorCodeForStatus,
  FlowgladApiError,
  isApiConflict,
  isApiNotFound,
  isFlowgladApiError,
} from './client/api-error.js'
export type { FlowgladClientOptions, RequestOptions } from './client/options.js'
export {
  apiPath,
  FlowgladRestClient,
  type HttpMethod,
  type RestRequest,
} from './client/rest-client.js'
export type * from './client/wire-types.js'
export * from './handler/index.js'
export {
  type BulkCreateUsageEventsResult,
  type CreateSubscriptionInput,
  DEFAULT_BULK_CHUNK_SIZE,
  FlowgladServer,
  type FlowgladServerExtraOptions,
  type FlowgladServerOptions,
  type UpdateCustomerInput,
} from './server/flowglad-server.js'
export {
  DEFAULT_OWNERSHIP_CACHE_TTL_MS,
  type OwnedSubscriptions,
  OwnershipCache,
} from './server/ownership-cache.js'
export type {
  CustomerDetails,
  CustomerSource,
  RequestingCustomer,
  RequestingCustomerSource,
  ScopedCustomerSource,
} from './server/session.js'
export type { UsageEventInput } from './server/usage-event-input.js'
export * from './webhooks/index.js'
