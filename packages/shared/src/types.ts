/**
 * Billing objects as the Flowglad REST API sends them (timestamps are epoch ms).
 * Written from the REST notes and the OpenAPI document; unknown extra keys pass through.
 */

export type CurrencyCode = string
/** Free-form metadata the API stores on objects (string values up to 500 characters). */
export type Metadata = Record<string, string | number | boolean>
export type IntervalUnit = 'day' | 'week' | 'month' | 'year'

interface Timestamps {
  createdAt: number
  updatedAt: number
  livemode: boolean
}

export interface Customer extends Timestamps {
  id: string
  organizationId: string
  pricingModelId: string
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
  name?: string | null
  firstName?: string | null
  lastName?: string | null
  email?: string | null
  phone?: string | null
  address: {
    name?: string | null
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
  /** Always sent by the API; optional because the SDK never reads it. */
  runBillingAtPeriodStart?: boolean | null
  /** Null on non-renewing subscriptions (`renews: false`), as are the period fields below. */
  interval: IntervalUnit | null
  intervalCount: number | null
  currentBillingPeriodStart?: number | null
  currentBillingPeriodEnd?: number | null
  billingCycleAnchorDate?: number | null
  trialEnd?: number | null
  scheduledAdjustmentAt?: number | null
  metadata?: Metadata | null
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
  metadata?: Metadata | null
}

export type FeatureType = 'toggle' | 'usage_credit_grant' | 'resource'
export type RenewalFrequency = 'once' | 'every_billing_period'

/**
 * A feature granted to a subscription (`experimental.featureItems`). `amount` and
 * `usageMeterId`/`renewalFrequency` are set for `usage_credit_grant`, `amount` and
 * `resourceId` for `resource`; a `toggle` has none of them. Required here is what the SDK reads
 * (as upstream's own type); the API also always sends the optional bookkeeping fields.
 */
export interface FeatureItem extends Partial<Timestamps> {
  id: string
  subscriptionItemId?: string
  featureId?: string
  productFeatureId?: string | null
  type: FeatureType
  name: string
  slug: string
  amount?: number | null
  usageMeterId?: string | null
  renewalFrequency?: RenewalFrequency | null
  resourceId?: string | null
  expiredAt?: number | null
  detachedAt?: number | null
  detachedReason?: string | null
  manuallyCreated?: boolean
  pricingModelId?: string
}

/**
 * A meter with the balance of one subscription's account (`usageMeterBalances`). Required here
 * is what the SDK reads (as upstream's own type); the API also sends every other meter field.
 */
export interface UsageMeterBalance extends Partial<UsageMeterRecord> {
  id: string
  name: string
  slug: string
  /** Credits minus debits; may be negative (usage is never refused for lack of balance). */
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

/** A usage meter as `/usage-meters` returns it. */
export interface UsageMeterRecord extends Timestamps {
  id: string
  organizationId: string
  pricingModelId: string
  name: string
  slug: string
  aggregationType: UsageMeterAggregationType
}

/** A meter inside a pricing model: with its usage prices (`prices` is absent on plain records). */
export interface UsageMeter extends UsageMeterRecord {
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
  billingPeriodId?: string | null
  amount: number
  usageDate: number
  transactionId: string
  properties?: Record<string, unknown> | null
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

export type InvoiceType = 'purchase' | 'subscription' | 'standalone'

export type TaxType =
  | 'amusement_tax'
  | 'communications_tax'
  | 'gst'
  | 'hst'
  | 'igst'
  | 'jct'
  | 'lease_tax'
  | 'pst'
  | 'qst'
  | 'rst'
  | 'sales_tax'
  | 'vat'
  | 'none'

/** Fields every invoice has; amounts are integers in minor units. */
interface InvoiceFields extends Timestamps {
  id: string
  invoiceNumber: string
  invoiceDate: number
  dueDate?: number | null
  customerId: string
  organizationId: string
  status: InvoiceStatus
  billingRunId: string | null
  ownerMembershipId: string | null
  pdfURL?: string | null
  receiptPdfURL?: string | null
  memo: string | null
  bankPaymentOnly: boolean | null
  currency: CurrencyCode
  taxAmount: number | null
  subtotal: number | null
  taxType?: TaxType | null
  taxCountry?: string | null
  taxState: string | null
  taxRatePercentage: string | null
  applicationFee: number | null
  pricingModelId: string
}

/** An invoice for a one-off purchase. */
export interface PurchaseInvoice extends InvoiceFields {
  type: 'purchase'
  purchaseId: string
  subscriptionId?: null
  billingPeriodId?: null
  billingPeriodStartDate?: null
  billingPeriodEndDate?: null
}

/** An invoice for one billing period of a subscription. */
export interface SubscriptionInvoice extends InvoiceFields {
  type: 'subscription'
  purchaseId: null
  subscriptionId: string
  billingPeriodId: string
  billingPeriodStartDate?: number | null
  billingPeriodEndDate?: number | null
}

/** An invoice tied to neither a purchase nor a subscription. */
export interface StandaloneInvoice extends InvoiceFields {
  type: 'standalone'
  purchaseId: null
  subscriptionId: null
  billingPeriodId: null
  billingPeriodStartDate?: null
  billingPeriodEndDate?: null
  stripePaymentIntentId: string | null
  stripeTaxCalculationId: string | null
  stripeTaxTransactionId: string | null
}

/** Told apart by `type`, as in the API. */
export type Invoice = PurchaseInvoice | SubscriptionInvoice | StandaloneInvoice

interface InvoiceLineItemFields extends Timestamps {
  id: string
  invoiceId: string
  priceId: string | null
  description: string | null
  quantity: number
  /** Unit price in minor units. */
  price: number
  pricingModelId: string
}

export interface StaticInvoiceLineItem extends InvoiceLineItemFields {
  type: 'static'
  ledgerAccountId?: null
  ledgerAccountCredit?: null
}

/** A line for metered usage: settled against the meter's ledger account. */
export interface UsageInvoiceLineItem extends InvoiceLineItemFields {
  type: 'usage'
  billingRunId: string
  ledgerAccountId: string
  ledgerAccountCredit: number
}

/** Told apart by `type`, as in the API. */
export type InvoiceLineItem = StaticInvoiceLineItem | UsageInvoiceLineItem

export interface InvoiceWithLineItems {
  invoice: Invoice
  invoiceLineItems: InvoiceLineItem[]
}

export type PaymentMethodType = 'card' | 'link' | 'us_bank_account' | 'sepa_debit'

export interface PaymentMethod extends Timestamps {
  id: string
  customerId: string
  pricingModelId: string
  type: PaymentMethodType
  default: boolean
  billingDetails: Record<string, unknown>
  paymentMethodData: Record<string, unknown>
  metadata?: Metadata | null
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
