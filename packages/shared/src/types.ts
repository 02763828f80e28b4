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

/** Optional fields also take `undefined`, so the same type serves as update input. */
export interface BillingAddress {
  name?: string | null | undefined
  firstName?: string | null | undefined
  lastName?: string | null | undefined
  email?: string | null | undefined
  phone?: string | null | undefined
  address: {
    name?: string | null | undefined
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
  runBillingAtPeriodStart: boolean | null
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

/** Fields every feature item has; the API always sends the required ones. */
interface FeatureItemFields extends Timestamps {
  id: string
  subscriptionItemId: string
  featureId: string
  productFeatureId?: string | null
  name: string
  slug: string
  manuallyCreated: boolean
  pricingModelId: string
  expiredAt?: number | null
  detachedAt?: number | null
  detachedReason?: string | null
}

/** An on/off feature: no amount, meter or resource. */
export interface ToggleFeatureItem extends FeatureItemFields {
  type: 'toggle'
  amount?: null
  usageMeterId?: null
  renewalFrequency?: null
  resourceId?: null
}

/** Credits `amount` units to the meter `usageMeterId`, once or every billing period. */
export interface UsageCreditGrantFeatureItem extends FeatureItemFields {
  type: 'usage_credit_grant'
  amount: number
  usageMeterId: string
  renewalFrequency: RenewalFrequency
  resourceId?: null
}

/** Grants `amount` claims of the resource `resourceId`. */
export interface ResourceFeatureItem extends FeatureItemFields {
  type: 'resource'
  amount: number
  resourceId: string
  usageMeterId?: null
  renewalFrequency?: null
}

/**
 * A feature granted to a subscription (`experimental.featureItems`), told apart by `type` as
 * in the API: after `item.type === 'usage_credit_grant'`, `amount` and `usageMeterId` are set.
 */
export type FeatureItem = ToggleFeatureItem | UsageCreditGrantFeatureItem | ResourceFeatureItem

/**
 * A meter with the balance of one subscription's account (`usageMeterBalances`). Required here
 * is what upstream's own type requires; the API also sends every other meter field.
 */
export interface UsageMeterBalance extends Partial<UsageMeterRecord> {
  id: string
  livemode: boolean
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
  /** Each item with its price, which the billing response always includes. */
  subscriptionItems: Array<SubscriptionItem & { price: Price }>
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

/** A feature of a product in the pricing model (what a plan grants, as opposed to a grant). */
export interface Feature extends Timestamps {
  id: string
  type: FeatureType
  slug: string
  name: string
  description: string
  active: boolean
  organizationId: string
  pricingModelId: string
  amount?: number | null
  usageMeterId?: string | null
  renewalFrequency?: RenewalFrequency | null
  resourceId?: string | null
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
  defaultPrice: Price | null
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

/** A meter as the billing response's pricing model carries it: always with its prices. */
export interface PricingModelUsageMeter extends UsageMeter {
  prices: Price[]
}

export interface PricingModel extends Timestamps {
  id: string
  organizationId: string
  isDefault: boolean
  name: string
  products: Product[]
  usageMeters: PricingModelUsageMeter[]
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

/** A purchase; the interval and per-cycle fields are null except on subscription purchases. */
export interface Purchase extends Timestamps {
  id: string
  name: string
  status: 'open' | 'pending' | 'failed' | 'paid' | 'refunded' | 'partial_refund' | 'fraudulent'
  customerId: string
  organizationId: string
  priceId: string
  priceType: PriceType
  quantity: number
  archived: boolean | null
  bankPaymentOnly: boolean | null
  firstInvoiceValue: number
  totalPurchaseValue: number | null
  pricePerBillingCycle: number | null
  intervalUnit: IntervalUnit | null
  intervalCount: number | null
  trialPeriodDays: number | null
  position: number
  proposal: string | null
  purchaseDate?: number | null
  endDate?: number | null
  billingCycleAnchor?: number | null
  billingAddress?: BillingAddress | null
  metadata?: Metadata | null
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
