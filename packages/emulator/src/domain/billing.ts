import type { State } from '../store/state.js'
import type { CustomerRow, SubscriptionRow } from '../store/types.js'
import { usageMeterBalances } from './balances.js'
import { requirePricingModel } from './catalog.js'
import { customerInvoices, invoiceWithLineItems } from './invoices.js'
import { customerPaymentMethods } from './payment-methods.js'
import { customerPurchases } from './purchases.js'
import { isItemActive } from './subscription-items.js'
import {
  customerSubscriptions,
  isNewerSubscription,
  itemFeatures,
  subscriptionItems,
  subscriptionView,
} from './subscriptions.js'
import { pricingModelDetails } from './views.js'

/** Invoice statuses the billing response lists (drafts, voids and uncollectibles are left out). */
const BILLING_INVOICE_STATUSES = new Set(['open', 'paid'])

export const APP_URL = 'https://app.flowglad.com'

function subscriptionDetails(state: State, sub: SubscriptionRow, now: number) {
  const items = subscriptionItems(state, sub.id)
  const itemViews = []
  const featureItems = []
  for (const item of items) {
    // Only items in force: not those replaced by an adjustment, nor those it has scheduled.
    if (!isItemActive(item, now)) continue
    const price = item.priceId ? state.tables.prices.get(item.priceId) : undefined
    if (price) itemViews.push({ ...item, price })
    for (const feature of itemFeatures(state, item.id)) {
      if (feature.expiredAt !== null && feature.expiredAt <= now) continue
      featureItems.push(feature)
    }
  }
  return {
    ...subscriptionView(sub),
    subscriptionItems: itemViews,
    experimental: { featureItems, usageMeterBalances: usageMeterBalances(state, sub) },
  }
}

/** The body of `GET /customers/{externalId}/billing`. */
export function customerBilling(state: State, customer: CustomerRow, now: number) {
  const subs = customerSubscriptions(state, customer.id, now)
  const subscriptions = subs.map((sub) => subscriptionDetails(state, sub, now))
  const currentSubscriptions = subscriptions.filter((sub) => sub.current)
  let currentSubscription: (typeof subscriptions)[number] | undefined
  for (const sub of currentSubscriptions) {
    if (!currentSubscription || isNewerSubscription(sub, currentSubscription)) {
      currentSubscription = sub
    }
  }
  const pricingModel = pricingModelDetails(
    state,
    requirePricingModel(state, customer.pricingModelId),
  )
  return {
    customer,
    subscriptions,
    invoices: customerInvoices(state, customer.id)
      .filter((invoice) => BILLING_INVOICE_STATUSES.has(invoice.status))
      .map((invoice) => invoiceWithLineItems(state, invoice)),
    paymentMethods: customerPaymentMethods(state, customer.id),
    purchases: customerPurchases(state, customer.id),
    currentSubscriptions,
    ...(currentSubscription ? { currentSubscription } : {}),
    catalog: pricingModel,
    pricingModel,
    billingPortalUrl: `${APP_URL}/billing-portal/${state.organizationId}`,
  }
}
