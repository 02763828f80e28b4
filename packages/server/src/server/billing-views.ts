import {
  type CustomerBillingDetails,
  customerDetailsOf,
  featureAccessItems,
  type GetCustomerDetailsResponse,
  type GetFeatureAccessItemsResponse,
  type GetInvoicesResponse,
  type GetPaymentMethodsResponse,
  type GetPurchasesResponse,
  type GetSubscriptionsResponse,
  type ListPageParams,
  pageAfter,
} from '@flowglad/shared/core'
import { forbiddenSubscription } from './forbidden-subscription.js'

// Views of one billing read, as upstream's read routes (next release) answer them.

export function subscriptionsView(
  billing: CustomerBillingDetails,
  params: { includeHistorical?: boolean | undefined } = {},
): GetSubscriptionsResponse {
  const current = billing.currentSubscriptions ?? []
  return {
    subscriptions: params.includeHistorical ? (billing.subscriptions ?? []) : current,
    currentSubscriptions: current,
    currentSubscription: billing.currentSubscription ?? current[0] ?? null,
  }
}

/** A subscription that is not among the current ones is `forbidden`, as for every action. */
export function featureAccessView(
  billing: CustomerBillingDetails,
  params: { subscriptionId?: string | undefined } = {},
): GetFeatureAccessItemsResponse {
  const current = billing.currentSubscriptions ?? []
  const { subscriptionId } = params
  if (subscriptionId !== undefined && !current.some((sub) => sub.id === subscriptionId)) {
    throw forbiddenSubscription(subscriptionId)
  }
  return { features: featureAccessItems(current, subscriptionId) }
}

export function paymentMethodsView(billing: CustomerBillingDetails): GetPaymentMethodsResponse {
  return {
    paymentMethods: billing.paymentMethods ?? [],
    billingPortalUrl: billing.billingPortalUrl ?? null,
  }
}

export function customerDetailsView(billing: CustomerBillingDetails): GetCustomerDetailsResponse {
  return { customer: customerDetailsOf(billing.customer) }
}

export function invoicesView(
  billing: CustomerBillingDetails,
  params: ListPageParams = {},
): GetInvoicesResponse {
  return { invoices: pageAfter(billing.invoices ?? [], (entry) => entry.invoice.id, params) }
}

export function purchasesView(
  billing: CustomerBillingDetails,
  params: ListPageParams = {},
): GetPurchasesResponse {
  return { purchases: pageAfter(billing.purchases ?? [], (purchase) => purchase.id, params) }
}
