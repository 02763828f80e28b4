import type {
  AdjustSubscriptionParams,
  CancelSubscriptionParams,
  ClientCreateUsageEventParams,
  UncancelSubscriptionParams,
} from '@flowglad/shared/browser'
import { type AdjustSubscriptionResult, adjustSubscription } from './adjust-subscription.js'
import type { BillingClient } from './billing-client.js'
import {
  type CheckoutSessionResult,
  type ClientCreateActivateSubscriptionCheckoutSessionParams,
  type ClientCreateAddPaymentMethodCheckoutSessionParams,
  type ClientCreateCheckoutSessionParams,
  createCheckout,
} from './checkout-sessions.js'
import { changeSubscription, type SubscriptionChangeResult } from './subscriptions.js'
import { type CreateUsageEventResult, createUsageEvent } from './usage-events.js'

/** Everything `useBilling()` can do, in every state; none of these throw for HTTP errors. */
export interface BillingActions {
  /** Fetches billing again; resolves once the answer is applied (or superseded). */
  reload: () => Promise<void>
  createCheckoutSession: (
    params: ClientCreateCheckoutSessionParams,
  ) => Promise<CheckoutSessionResult>
  createAddPaymentMethodCheckoutSession: (
    params: ClientCreateAddPaymentMethodCheckoutSessionParams,
  ) => Promise<CheckoutSessionResult>
  createActivateSubscriptionCheckoutSession: (
    params: ClientCreateActivateSubscriptionCheckoutSessionParams,
  ) => Promise<CheckoutSessionResult>
  cancelSubscription: (params: CancelSubscriptionParams) => Promise<SubscriptionChangeResult>
  uncancelSubscription: (params: UncancelSubscriptionParams) => Promise<SubscriptionChangeResult>
  /** Moves a subscription to another price; `subscriptionId` defaults to the only current one. */
  adjustSubscription: (params: AdjustSubscriptionParams) => Promise<AdjustSubscriptionResult>
  createUsageEvent: (params: ClientCreateUsageEventParams) => Promise<CreateUsageEventResult>
}

export function createBillingActions(client: BillingClient): BillingActions {
  return {
    reload: client.reload,
    createCheckoutSession: (params) => createCheckout(client, 'checkout-sessions/create', params),
    createAddPaymentMethodCheckoutSession: (params) =>
      createCheckout(client, 'checkout-sessions/create-add-payment-method', params),
    createActivateSubscriptionCheckoutSession: (params) =>
      createCheckout(client, 'checkout-sessions/create-activate-subscription', params),
    cancelSubscription: (params) => changeSubscription(client, 'subscriptions/cancel', params),
    uncancelSubscription: (params) => changeSubscription(client, 'subscriptions/uncancel', params),
    adjustSubscription: (params) => adjustSubscription(client, params),
    createUsageEvent: (params) => createUsageEvent(client, params),
  }
}
