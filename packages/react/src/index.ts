export type {
  BulkCreateUsageEventsParams,
  CancelSubscriptionParams,
  ClaimResourceParams,
  ClaimResourceResponse,
  ClientCreateUsageEventParams,
  CustomerBillingDetails,
  ReleaseResourceParams,
  ReleaseResourceResponse,
  ResourceClaim,
  ResourceUsage,
  UncancelSubscriptionParams,
} from '@flowglad/shared/browser'
export type { AdjustSubscriptionResult } from './adjust-subscription.js'
export { type BillingActions, createBillingActions } from './billing-actions.js'
export {
  type BillingClient,
  type BillingClientOptions,
  type BillingState,
  createBillingClient,
  FlowgladRequestError,
  type SentRequest,
} from './billing-client.js'
export type {
  CheckoutSessionResult,
  ClientCreateActivateSubscriptionCheckoutSessionParams,
  ClientCreateAddPaymentMethodCheckoutSessionParams,
  ClientCreateCheckoutSessionParams,
} from './checkout-sessions.js'
export type {
  BillingDisabledFlowgladContextValues,
  ErrorFlowgladContextValues,
  FlowgladContextValues,
  LoadedFlowgladContextValues,
  NotAuthenticatedFlowgladContextValues,
  NotLoadedFlowgladContextValues,
  NullBillingData,
} from './context-values.js'
export { humanReadableCurrencyAmount } from './currency.js'
export {
  FlowgladProvider,
  type FlowgladProviderDevProps,
  type FlowgladProviderLiveProps,
  type FlowgladProviderProps,
  type FlowgladRequestConfig,
} from './provider.js'
export {
  CUSTOMER_DETAILS_QUERY_KEY,
  FEATURES_QUERY_KEY,
  INVOICES_QUERY_KEY,
  PAYMENT_METHODS_QUERY_KEY,
  PURCHASES_QUERY_KEY,
  RESOURCE_CLAIMS_QUERY_KEY,
  RESOURCES_QUERY_KEY,
  SUBSCRIPTIONS_QUERY_KEY,
  USAGE_METERS_QUERY_KEY,
} from './query-keys.js'
export type {
  ActionResult,
  ClientErrorCode,
  ErrorResult,
  FlowgladActionError,
} from './results.js'
export type { SubscriptionChangeResult } from './subscriptions.js'
export type { CreateUsageEventResult } from './usage-events.js'
export type { QueryStatus } from './use-action-query.js'
export { useBilling } from './use-billing.js'
export {
  type UseCustomerDetailsResult,
  useCustomerDetails,
} from './use-customer-details.js'
export {
  type UseFeatureResult,
  type UseFeaturesResult,
  useFeature,
  useFeatures,
} from './use-features.js'
export { type UseInvoicesResult, useInvoices } from './use-invoices.js'
export { type UsePaymentMethodsResult, usePaymentMethods } from './use-payment-methods.js'
export { usePricing, usePricingModel } from './use-pricing-model.js'
export { type UsePurchasesResult, usePurchases } from './use-purchases.js'
export {
  type ClaimOneResourceParams,
  type ReleaseOneResourceParams,
  type UseResourceResult,
  type UseResourcesResult,
  useResource,
  useResources,
} from './use-resources.js'
export { type UseSubscriptionResult, useSubscription } from './use-subscription.js'
export { type UseSubscriptionsResult, useSubscriptions } from './use-subscriptions.js'
export {
  type UseUsageMeterResult,
  type UseUsageMetersResult,
  useUsageMeter,
  useUsageMeters,
} from './use-usage-meters.js'
