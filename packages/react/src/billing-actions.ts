import {
  type CancelSubscriptionParams,
  type ClientCreateUsageEventParams,
  FlowgladActionKey,
  type UncancelSubscriptionParams,
} from '@flowglad/shared/browser'
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
  createUsageEvent: (params: ClientCreateUsageEventParams) => Promise<CreateUsageEventResult>
}

export function createBillingActions(client: BillingClient): BillingActions {
  return {
    reload: client.reload,
    createCheckoutSession: (params) =>
      createCheckout(client, FlowgladActionKey.CreateCheckoutSession, params),
    createAddPaymentMethodCheckoutSession: (params) =>
      createCheckout(client, FlowgladActionKey.CreateAddPaymentMethodCheckoutSession, params),
    createActivateSubscriptionCheckoutSession: (params) =>
      createCheckout(client, FlowgladActionKey.CreateActivateSubscriptionCheckoutSession, params),
    cancelSubscription: (params) =>
      changeSubscription(client, FlowgladActionKey.CancelSubscription, params),
    uncancelSubscription: (params) =>
      changeSubscription(client, FlowgladActionKey.UncancelSubscription, params),
    createUsageEvent: (params) => createUsageEvent(client, params),
  }
}
