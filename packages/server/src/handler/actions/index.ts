import type { ActionHandlerMap } from '../types.js'
import { adjustSubscription } from './adjust-subscription.js'
import {
  getCustomerDetails,
  getFeatureAccess,
  getInvoices,
  getPaymentMethods,
  getPurchases,
  getSubscriptions,
} from './billing-reads.js'
import { cancelSubscription } from './cancel-subscription.js'
import { createActivateSubscriptionCheckoutSession } from './create-activate-subscription-checkout-session.js'
import { createAddPaymentMethodCheckoutSession } from './create-add-payment-method-checkout-session.js'
import { createCheckoutSession } from './create-checkout-session.js'
import { createSubscription } from './create-subscription.js'
import { createUsageEvent } from './create-usage-event.js'
import { findOrCreateCustomer } from './find-or-create-customer.js'
import { getCustomerBilling } from './get-customer-billing.js'
import { getPricingModel } from './get-pricing-model.js'
import { getUsageMeterBalances } from './get-usage-meter-balances.js'
import {
  claimResource,
  getResourceUsage,
  getResourceUsages,
  listResourceClaims,
  releaseResource,
} from './resources.js'
import { uncancelSubscription } from './uncancel-subscription.js'
import { updateCustomer } from './update-customer.js'

/** Action key → handler. Typed by the shared action table, so a missing key fails to compile. */
export const flowgladActionHandlers: ActionHandlerMap = {
  'customers/billing': getCustomerBilling,
  'customers/find-or-create': findOrCreateCustomer,
  'customers/update': updateCustomer,
  'checkout-sessions/create': createCheckoutSession,
  'checkout-sessions/create-add-payment-method': createAddPaymentMethodCheckoutSession,
  'checkout-sessions/create-activate-subscription': createActivateSubscriptionCheckoutSession,
  'subscriptions/cancel': cancelSubscription,
  'subscriptions/uncancel': uncancelSubscription,
  'subscriptions/create': createSubscription,
  'usage-events/create': createUsageEvent,
  'usage-meters/balances': getUsageMeterBalances,
  'subscriptions/adjust': adjustSubscription,
  'pricing-models/retrieve': getPricingModel,
  'subscriptions/list': getSubscriptions,
  'features/access': getFeatureAccess,
  'payment-methods/list': getPaymentMethods,
  customerDetails: getCustomerDetails,
  'invoices/list': getInvoices,
  'purchases/list': getPurchases,
  'resources/usages': getResourceUsages,
  'resources/usages/retrieve': getResourceUsage,
  'resources/claim': claimResource,
  'resources/release': releaseResource,
  'resources/claims': listResourceClaims,
}
