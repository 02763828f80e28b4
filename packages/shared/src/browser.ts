// The zod-free entry for browsers: route manifest, identifier rule, errors, helpers and types.
export { FlowgladActionKey, HTTPMethod } from './action-keys.js'
export {
  checkFeatureAccess,
  checkUsageBalance,
  getPrice,
  getProduct,
  hasPurchased,
  pickSubscription,
  withBillingChecks,
} from './billing-checks.js'
export {
  FlowgladError,
  type FlowgladErrorBody,
  type FlowgladErrorCode,
  type FlowgladErrorOptions,
  flowgladErrorCatalogue,
  isFlowgladError,
  isFlowgladErrorCode,
  toErrorBody,
} from './errors.js'
export type * from './params.js'
export {
  actionURL,
  type FlowgladRoute,
  flowgladRoutes,
  isFlowgladActionKey,
} from './route-manifest.js'
export type * from './types.js'
export {
  checkUsageEventIdentifier,
  presentUsageEventIdentifiers,
  type UsageEventIdentifierField,
  usageEventIdentifierFields,
  usageEventIdentifierMessage,
} from './usage-identifier.js'
