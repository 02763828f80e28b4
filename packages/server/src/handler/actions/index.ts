import {
  customerDetailsView,
  featureAccessView,
  invoicesView,
  paymentMethodsView,
  purchasesView,
  subscriptionsView,
} from '../../server/billing-views.js'
import type { ActionHandlerMap } from '../types.js'
import { createSubscription } from './create-subscription.js'
import { createUsageEvent } from './create-usage-event.js'
import { billingView, checkoutVia, forwardTo } from './forwarding.js'
import { getPricingModel } from './get-pricing-model.js'
import { withoutChecks } from './without-checks.js'

/**
 * Action key → handler. Typed by the shared action table, so a missing key fails to compile.
 * Where an action names a subscription, `FlowgladServer` resolves it (the only current one, else
 * the given id, which must be the customer's: 403 `forbidden`, nothing sent).
 */
export const flowgladActionHandlers: ActionHandlerMap = {
  // The billing object; its check functions cannot cross JSON, so they go.
  'customers/billing': billingView(withoutChecks),
  // Always `{ customer }` (upstream's create path nested it in `data`).
  'customers/find-or-create': async (_input, { flowglad }) => ({
    customer: await flowglad.findOrCreateCustomer(),
  }),
  // The body's externalId was checked against the session by the core.
  'customers/update': (input, { flowglad }) =>
    flowglad.updateCustomer({ customer: input.customer }),
  // A product checkout; the SDK checks an optional target subscription's owner.
  'checkout-sessions/create': checkoutVia('createCheckoutSession'),
  'checkout-sessions/create-add-payment-method': checkoutVia(
    'createAddPaymentMethodCheckoutSession',
  ),
  'checkout-sessions/create-activate-subscription': checkoutVia(
    'createActivateSubscriptionCheckoutSession',
  ),
  'subscriptions/cancel': forwardTo('cancelSubscription'),
  'subscriptions/uncancel': forwardTo('uncancelSubscription'),
  'subscriptions/create': createSubscription,
  'usage-events/create': createUsageEvent,
  // The customer's balances, optionally for one of its subscriptions.
  'usage-meters/balances': (input, { flowglad }) =>
    flowglad.getUsageMeterBalances({ subscriptionId: input.subscriptionId }),
  // Answers `{ subscription, subscriptionItems, isUpgrade, resolvedTiming }` as the API does.
  'subscriptions/adjust': forwardTo('adjustSubscription'),
  'pricing-models/retrieve': getPricingModel,
  // Upstream's next-release read routes: each is one billing read, cut to what the hook shows.
  'subscriptions/list': billingView(subscriptionsView),
  'features/access': billingView(featureAccessView),
  'payment-methods/list': billingView(paymentMethodsView),
  customerDetails: billingView(customerDetailsView),
  'invoices/list': billingView(invoicesView),
  'purchases/list': billingView(purchasesView),
  // Claimable capacity of a subscription, answered as upstream's routes do.
  'resources/usages': forwardTo('getResourceUsages'),
  'resources/usages/retrieve': forwardTo('getResourceUsage'),
  'resources/claim': forwardTo('claimResource'),
  'resources/release': forwardTo('releaseResource'),
  'resources/claims': forwardTo('listResourceClaims'),
}
