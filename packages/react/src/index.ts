export type {
  BulkCreateUsageEventsParams,
  CancelSubscriptionParams,
  ClientCreateUsageEventParams,
  CustomerBillingDetails,
  UncancelSubscriptionParams,
} from '@flowglad/shared/browser'
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
  NotLoadedFlowgladContextValues,
  NullBillingData,
} from './context-values.js'
export {
  FlowgladProvider,
  type FlowgladProviderDevProps,
  type FlowgladProviderLiveProps,
  type FlowgladProviderProps,
  type FlowgladRequestConfig,
} from './provider.js'
export type {
  ActionResult,
  ClientErrorCode,
  ErrorResult,
  FlowgladActionError,
} from './results.js'
export type { SubscriptionChangeResult } from './subscriptions.js'
export type { CreateUsageEventResult } from './usage-events.js'
export { useBilling } from './use-billing.js'
