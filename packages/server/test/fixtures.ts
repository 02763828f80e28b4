import type {
  Customer,
  CustomerBillingDetails,
  PricingModel,
  Subscription,
  SubscriptionDetails,
  UsageEvent,
} from '@flowglad/shared'

/** Small but realistic API objects; fields the SDK never reads are left out on purpose. */

export function customer(externalId = 'user_1', id = 'cust_1'): Customer {
  return {
    id,
    externalId,
    organizationId: 'org_1',
    pricingModelId: 'pricing_model_1',
    email: `${externalId}@example.com`,
    name: 'Ada',
    archived: false,
    invoiceNumberBase: null,
    logoURL: null,
    iconURL: null,
    domain: null,
    userId: null,
    createdAt: 1,
    updatedAt: 1,
    livemode: false,
  }
}

export function subscription(
  id: string,
  overrides: Partial<Subscription> = {},
): SubscriptionDetails {
  return {
    id,
    customerId: 'cust_1',
    organizationId: 'org_1',
    pricingModelId: 'pricing_model_1',
    priceId: 'price_free',
    status: 'active',
    startDate: 1,
    name: null,
    current: true,
    renews: true,
    isFreePlan: false,
    doNotCharge: false,
    cancellationReason: null,
    replacedBySubscriptionId: null,
    defaultPaymentMethodId: null,
    backupPaymentMethodId: null,
    runBillingAtPeriodStart: true,
    interval: 'month',
    intervalCount: 1,
    createdAt: 1,
    updatedAt: 1,
    livemode: false,
    subscriptionItems: [],
    experimental: {
      featureItems: [
        {
          id: 'fi_1',
          subscriptionItemId: 'si_1',
          featureId: 'feature_1',
          type: 'toggle',
          slug: 'advanced_models',
          name: 'Advanced',
          manuallyCreated: false,
          pricingModelId: 'pricing_model_1',
          createdAt: 1,
          updatedAt: 1,
          livemode: false,
        },
      ],
      usageMeterBalances: [
        {
          id: 'um_1',
          organizationId: 'org_1',
          pricingModelId: 'pricing_model_1',
          slug: 'ai_tokens',
          name: 'AI tokens',
          aggregationType: 'sum',
          availableBalance: 900,
          subscriptionId: id,
          createdAt: 1,
          updatedAt: 1,
          livemode: false,
        },
      ],
    },
    ...overrides,
  }
}

const pricingModel: PricingModel = {
  id: 'pricing_model_1',
  organizationId: 'org_1',
  isDefault: true,
  name: 'Default',
  products: [],
  usageMeters: [],
  createdAt: 1,
  updatedAt: 1,
  livemode: false,
}

export function billing(
  current: SubscriptionDetails[] = [subscription('sub_1')],
  who: Customer = customer(),
): CustomerBillingDetails {
  return {
    customer: who,
    subscriptions: current,
    currentSubscriptions: current,
    ...(current[0] ? { currentSubscription: current[0] } : {}),
    invoices: [],
    paymentMethods: [],
    purchases: [],
    pricingModel,
    catalog: pricingModel,
    billingPortalUrl: 'https://app.flowglad.test/billing-portal/org_1',
  }
}

export function usageEvent(transactionId: string, subscriptionId = 'sub_1'): UsageEvent {
  return {
    id: `usage_event_${transactionId}`,
    customerId: 'cust_1',
    subscriptionId,
    usageMeterId: 'usage_meter_1',
    priceId: 'price_1',
    billingPeriodId: null,
    amount: 1,
    usageDate: 1,
    transactionId,
    properties: null,
    pricingModelId: 'pricing_model_1',
    createdAt: 1,
    updatedAt: 1,
    livemode: false,
  }
}
