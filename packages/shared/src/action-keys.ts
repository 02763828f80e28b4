/**
 * Route keys of the app-side billing API; each value is the sub-path under `/api/flowglad/`.
 * Member names and values match the upstream SDK so app code can switch packages unchanged.
 */
export const FlowgladActionKey = {
  GetCustomerBilling: 'customers/billing',
  FindOrCreateCustomer: 'customers/find-or-create',
  UpdateCustomer: 'customers/update',
  CreateCheckoutSession: 'checkout-sessions/create',
  CreateAddPaymentMethodCheckoutSession: 'checkout-sessions/create-add-payment-method',
  CreateActivateSubscriptionCheckoutSession: 'checkout-sessions/create-activate-subscription',
  CancelSubscription: 'subscriptions/cancel',
  UncancelSubscription: 'subscriptions/uncancel',
  CreateSubscription: 'subscriptions/create',
  CreateUsageEvent: 'usage-events/create',
  GetUsageMeterBalances: 'usage-meters/balances',
  AdjustSubscription: 'subscriptions/adjust',
  // Hybrid: answers signed out too (the default pricing model).
  GetPricingModel: 'pricing-models/retrieve',
  // Read routes of upstream's next release (HEAD), each served from one billing read.
  GetSubscriptions: 'subscriptions/list',
  GetFeatureAccess: 'features/access',
  GetPaymentMethods: 'payment-methods/list',
  GetCustomerDetails: 'customerDetails',
  GetInvoices: 'invoices/list',
  GetPurchases: 'purchases/list',
  // Resources: claimable capacity (seats, API keys) of a subscription.
  GetResourceUsages: 'resources/usages',
  GetResourceUsage: 'resources/usages/retrieve',
  ClaimResource: 'resources/claim',
  ReleaseResource: 'resources/release',
  ListResourceClaims: 'resources/claims',
} as const

export type FlowgladActionKey = (typeof FlowgladActionKey)[keyof typeof FlowgladActionKey]

export const HTTPMethod = {
  GET: 'GET',
  POST: 'POST',
  PUT: 'PUT',
  PATCH: 'PATCH',
  DELETE: 'DELETE',
} as const

export type HTTPMethod = (typeof HTTPMethod)[keyof typeof HTTPMethod]
