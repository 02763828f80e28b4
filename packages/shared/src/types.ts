/**
 * Billing objects as the Flowglad REST API sends them (timestamps are epoch ms).
 * Written from the REST notes and the OpenAPI document; unknown extra keys pass through.
 */

export type CurrencyCode = string
export type IntervalUnit = 'day' | 'week' | 'month' | 'year'

interface Timestamps {
  createdAt: number
  updatedAt: number
  livemode: boolean
}

export interface Customer extends Timestamps {
  id: string
  organizationId: string
  pricingModelId: string | null
  email: string
  name: string
  externalId: string
  archived: boolean
  invoiceNumberBase: string | null
  logoURL: string | null
  iconURL: string | null
  domain: string | null
  userId: string | null
  billingAddress?: BillingAddress | null
}

export interface BillingAddress {
  name?: string
  firstName?: string
  lastName?: string
  email?: string
  phone?: string
  address: {
    name?: string
    line1: string | null
    line2: string | null
    city: string | null
    state: string | null
    postal_code: string | null
    country: string
  }
}

export type SubscriptionStatus =
  | 'trialing'
  | 'active'
  | 'past_due'
  | 'unpaid'
  | 'cancellation_scheduled'
  | 'incomplete'
  | 'incomplete_expired'
  | 'canceled'
  | 'paused'
  | 'credit_trial'

export type CancellationReason = 'upgraded_to_paid' | 'customer_request' | string

export interface Subscription extends Timestamps {
  id: string
  customerId: string
  organizationId: string
  pricingModelId: string
  priceId: string
  status: SubscriptionStatus
  startDate: number
  name: string | null
  current: boolean
  renews: boolean
  isFreePlan: boolean | null
  doNotCharge: boolean | null
  cancellationReason: CancellationReason | null
  canceledAt?: number | null
  cancelScheduledAt?: number | null
  replacedBySubscriptionId: string | null
  defaultPaymentMethodId: string | null
  backupPaymentMethodId: string | null
  interval: IntervalUnit | null
  intervalCount: number | null
  currentBillingPeriodStart?: number | null
  currentBillingPeriodEnd?: number | null
  trialEnd?: number | null
  metadata?: Record<string, string | number | boolean> | null
}

export interface SubscriptionItem extends Timestamps {
  id: string
  type: 'static'
  subscriptionId: string
  priceId: string | null
  name: string | null
  unitPrice: number
  quantity: number
  addedDate: number
  expiredAt?: number | null
  externalId: string | null
  manuallyCreated: boolean
  pricingModelId: string
  metadata?: Record<string, unknown> | null
}

export type FeatureType = 'toggle' | 'usage_credit_grant' | 'resource'
export type RenewalFrequency = 'once' | 'every_billing_period'

/** A feature granted to a subscription (`experimental.featureItems`). */
export interface FeatureItem {
  id: string
  livemode?: boolean
  subscriptionItemId?: string
  featureId?: string
  type: FeatureType
  name: string
  slug: string
  amount?: number | null
  usageMeterId?: string | null
  renewalFrequency?: RenewalFrequency | null
  expiredAt?: number | null
  detachedAt?: number | null
  detachedReason?: string | null
}

/** A meter with the balance of one subscription's account (`usageMeterBalances`). */
export interface UsageMeterBalance extends Partial<UsageMeter> {
  id: string
  name: string
  slug: string
  availableBalance: number
  subscriptionId: string
}

export interface SubscriptionExperimentalFields {
  featureItems: FeatureItem[]
  usageMeterBalances: UsageMeterBalance[]
}

export interface SubscriptionDetails extends Subscription {
  subscriptionItems: Array<SubscriptionItem & { price?: Price }>
  experimental?: SubscriptionExperimentalFields
}

export type PriceType = 'subscription' | 'single_payment' | 'usage'

export interface Price extends Timestamps {
  id: string
  type: PriceType
  name: string | null
  slug: string | null
  unitPrice: number
  currency: CurrencyCode
  isDefault: boolean
  active: boolean
  pricingModelId: string
  productId: string | null
  intervalUnit: IntervalUnit | null
  intervalCount: number | null
  trialPeriodDays?: number | null
  usageMeterId?: string | null
  usageEventsPerUnit?: number | null
}

export interface Feature {
  id: string
  type: FeatureType
  slug: string
  name: string
  description?: string | null
  active?: boolean
  amount?: number | null
  usageMeterId?: string | null
  renewalFrequency?: RenewalFrequency | null
}

export interface Product extends Timestamps {
  id: string
  name: string
  slug: string | null
  description: string | null
  imageURL: string | null
  active: boolean
  default: boolean
  singularQuantityLabel: string | null
  pluralQuantityLabel: string | null
  pricingModelId: string
  organizationId: string
  prices: Price[]
  defaultPrice?: Price | null
  features: Feature[]
}

export type UsageMeterAggregationType = 'sum' | 'count_distinct_properties'

export interface UsageMeter extends Timestamps {
  id: string
  organizationId: string
  pricingModelId: string
  name: string
  slug: string
  aggregationType: UsageMeterAggregationType
  prices?: Price[]
  defaultPrice?: Price | null
}

export interface PricingModel extends Timestamps {
  id: string
  organizationId: string
  isDefault: boolean
  name: string
  products: Product[]
  usageMeters: UsageMeter[]
  defaultProduct?: Product | null
}

/** Legacy alias: the billing response carries the pricing model a second time as `catalog`. */
export type Catalog = PricingModel

export interface UsageEvent extends Timestamps {
  id: string
  customerId: string
  subscriptionId: string
  usageMeterId: string
  priceId: string
  billingPeriodId: string | null
  amount: number
  usageDate: number
  transactionId: string
  properties: Record<string, unknown> | null
  pricingModelId: string
}

export type InvoiceStatus =
  | 'draft'
  | 'open'
  | 'paid'
  | 'void'
  | 'uncollectible'
  | 'awaiting_payment_confirmation'
  | 'partially_refunded'
  | 'refunded'

export interface Invoice extends Timestamps {
  id: string
  customerId: string
  subscriptionId: string | null
  billingPeriodId: string | null
  invoiceNumber: string
  status: InvoiceStatus
  currency: CurrencyCode
  invoiceDate: number
  dueDate?: number | null
  billingPeriodStartDate?: number | null
  billingPeriodEndDate?: number | null
  pricingModelId?: string
}

export interface InvoiceLineItem extends Timestamps {
  id: string
  invoiceId: string
  priceId: string | null
  description: string | null
  quantity: number
  price: number
  type?: string
  billingRunId?: string | null
  ledgerAccountId?: string | null
  ledgerAccountCredit?: number | null
}

export interface InvoiceWithLineItems {
  invoice: Invoice
  invoiceLineItems: InvoiceLineItem[]
}

export type PaymentMethodType = 'card' | 'link' | 'us_bank_account' | 'sepa_debit'

export interface PaymentMethod extends Timestamps {
  id: string
  customerId: string
  pricingModelId?: string
  type: PaymentMethodType
  default: boolean
  billingDetails: Record<string, unknown>
  paymentMethodData: Record<string, unknown>
  metadata?: Record<string, unknown> | null
}

export interface Purchase extends Timestamps {
  id: string
  name: string
  status: 'open' | 'pending' | 'failed' | 'paid' | 'refunded' | 'partial_refund' | 'fraudulent'
  customerId: string
  priceId: string
  priceType: PriceType
  quantity: number
  purchaseDate?: number | null
  endDate?: number | null
  pricingModelId: string
}

export type CheckoutSessionType = 'product' | 'add_payment_method' | 'activate_subscription'

export interface CheckoutSession extends Timestamps {
  id: string
  type: CheckoutSessionType
  status: 'open' | 'pending' | 'succeeded' | 'failed' | 'expired'
  customerId: string | null
  priceId?: string | null
  quantity?: number
  targetSubscriptionId?: string | null
  successUrl: string
  cancelUrl: string
  expires?: number | null
  outputMetadata?: Record<string, unknown> | null
  outputName?: string | null
}

/** `GET /customers/{externalId}/billing`. */
export interface CustomerBillingDetails {
  customer: Customer
  subscriptions: SubscriptionDetails[]
  currentSubscriptions?: SubscriptionDetails[]
  currentSubscription?: SubscriptionDetails
  invoices: InvoiceWithLineItems[]
  paymentMethods: PaymentMethod[]
  purchases: Purchase[]
  pricingModel: PricingModel
  catalog: Catalog
  billingPortalUrl: string
}

export interface UsageBalance {
  availableBalance: number
}

/** The billing response plus the pure checks built from it. */
export interface BillingWithChecks extends CustomerBillingDetails {
  checkFeatureAccess: (featureSlug: string, options?: { subscriptionId?: string }) => boolean
  checkUsageBalance: (
    usageMeterSlug: string,
    options?: { subscriptionId?: string },
  ) => UsageBalance | null
  getProduct: (productSlug: string) => Product | null
  getPrice: (priceSlug: string) => Price | null
  hasPurchased: (productSlug: string) => boolean
}
