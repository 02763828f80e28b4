import type {
  CustomerBillingDetails,
  PricingModel,
  SubscriptionDetails,
} from '@flowglad/shared/browser'

const stamps = { createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, livemode: false }

export function subscriptionFixture(
  id: string,
  overrides: Partial<SubscriptionDetails> = {},
): SubscriptionDetails {
  return {
    ...stamps,
    id,
    customerId: 'cus_1',
    organizationId: 'org_1',
    pricingModelId: 'pm_1',
    priceId: 'price_pro',
    status: 'active',
    startDate: stamps.createdAt,
    name: 'Pro',
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
    subscriptionItems: [],
    experimental: {
      featureItems: [
        {
          ...stamps,
          id: 'fi_1',
          type: 'toggle',
          name: 'Advanced',
          slug: 'advanced_models',
          subscriptionItemId: 'si_1',
          featureId: 'feature_1',
          manuallyCreated: false,
          pricingModelId: 'pm_1',
        },
      ],
      usageMeterBalances: [
        {
          id: 'um_1',
          livemode: false,
          name: 'AI tokens',
          slug: 'ai_tokens',
          availableBalance: 1000,
          subscriptionId: id,
        },
      ],
    },
    ...overrides,
  }
}

const pricingModel: PricingModel = {
  ...stamps,
  id: 'pm_1',
  organizationId: 'org_1',
  isDefault: true,
  name: 'Default',
  usageMeters: [],
  products: [
    {
      ...stamps,
      id: 'prod_pro',
      name: 'Pro',
      slug: 'pro',
      description: null,
      imageURL: null,
      active: true,
      default: false,
      singularQuantityLabel: null,
      pluralQuantityLabel: null,
      pricingModelId: 'pm_1',
      organizationId: 'org_1',
      features: [],
      defaultPrice: null,
      prices: [
        {
          ...stamps,
          id: 'price_pro',
          type: 'subscription',
          name: 'Pro monthly',
          slug: 'pro_monthly',
          unitPrice: 2000,
          currency: 'USD',
          isDefault: true,
          active: true,
          pricingModelId: 'pm_1',
          productId: 'prod_pro',
          intervalUnit: 'month',
          intervalCount: 1,
        },
      ],
    },
  ],
}

/** A small but complete billing response: one current Pro subscription with a balance. */
export function billingFixture(
  overrides: Partial<CustomerBillingDetails> = {},
): CustomerBillingDetails {
  const current = subscriptionFixture('sub_1')
  return {
    customer: {
      ...stamps,
      id: 'cus_1',
      organizationId: 'org_1',
      pricingModelId: 'pm_1',
      email: 'a@x.test',
      name: 'A',
      externalId: 'user_a',
      archived: false,
      invoiceNumberBase: null,
      logoURL: null,
      iconURL: null,
      domain: null,
      userId: null,
    },
    subscriptions: [current],
    currentSubscriptions: [current],
    currentSubscription: current,
    invoices: [],
    paymentMethods: [],
    purchases: [],
    pricingModel,
    catalog: pricingModel,
    billingPortalUrl: 'https://billing.example/portal',
    ...overrides,
  }
}
