// The zod-free entry for browsers: route manifest, identifier rule, errors, helpers and types.
export { FlowgladActionKey, HTTPMethod } from './action-keys.js'
export { subscriptionAdjustmentTiming } from './adjustment-timing.js'
export { DEFAULT_FLOWGLAD_BASE_URL, getBaseURL } from './base-url.js'
export {
  checkFeatureAccess,
  checkUsageBalance,
  getPrice,
  getProduct,
  hasPurchased,
  pickSubscription,
  withBillingChecks,
} from './billing-checks.js'
export { customerDetailsOf, featureAccessItems, pageAfter } from './billing-views.js'
export {
  constructCheckFeatureAccess,
  constructCheckUsageBalance,
  constructGetPrice,
  constructGetProduct,
  constructHasPurchased,
} from './construct-checks.js'
export {
  FlowgladError,
  type FlowgladErrorBody,
  type FlowgladErrorCode,
  type FlowgladErrorOptions,
  flowgladErrorCatalogue,
  flowgladErrorStatuses,
  isFlowgladError,
  isFlowgladErrorCode,
  toErrorBody,
} from './errors.js'
export type * from './params.js'
export type * from './resource-types.js'
export {
  type AuthenticatedActionKey,
  actionURL,
  type FlowgladRoute,
  flowgladRoutes,
  type HybridActionKey,
  isFlowgladActionKey,
  isHybridActionKey,
} from './route-manifest.js'
export type * from './route-types.js'
export type * from './types.js'
export {
  checkUsageEventIdentifier,
  presentUsageEventIdentifiers,
  type UsageEventIdentifierField,
  usageEventIdentifierFields,
  usageEventIdentifierMessage,
} from './usage-identifier.js'
