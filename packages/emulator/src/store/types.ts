/**
 * Row types. Rows are stored in their wire shape (epoch-ms timestamps, nulls kept). They are
 * stricter than `@flowglad/shared`'s wire types (every field present, prices and features told
 * apart by `type`), and `WireChecks` below makes the compiler prove each one is also a valid
 * wire object of those types.
 */
import type {
  CheckoutSession,
  Customer,
  IntervalUnit,
  Invoice,
  InvoiceLineItem,
  Metadata,
  PaymentMethod,
  Price,
  PricingModel,
  Purchase,
  RenewalFrequency,
  Resource,
  ResourceClaim,
  Subscription,
  SubscriptionItem,
  SubscriptionStatus,
  TaxType,
  UsageEvent,
  UsageMeterAggregationType,
  UsageMeterRecord,
} from '@flowglad/shared/browser'

export type { IntervalUnit, Metadata, SubscriptionStatus } from '@flowglad/shared/browser'
export type AggregationType = UsageMeterAggregationType

interface Timestamps {
  createdAt: number
  updatedAt: number
  livemode: boolean
}

export interface PricingModelRow extends Timestamps {
  id: string
  organizationId: string
  isDefault: boolean
  name: string
}

export interface ProductRow extends Timestamps {
  id: string
  name: string
  description: string | null
  imageURL: string | null
  organizationId: string
  active: boolean
  singularQuantityLabel: string | null
  pluralQuantityLabel: string | null
  pricingModelId: string
  default: boolean
  slug: string
}

interface PriceCommon extends Timestamps {
  id: string
  name: string | null
  slug: string | null
  unitPrice: number
  isDefault: boolean
  active: boolean
  currency: string
  pricingModelId: string
}

export interface SubscriptionPriceRow extends PriceCommon {
  type: 'subscription'
  intervalUnit: IntervalUnit
  intervalCount: number
  trialPeriodDays: number | null
  usageEventsPerUnit: null
  productId: string
  usageMeterId: null
}

export interface SinglePaymentPriceRow extends PriceCommon {
  type: 'single_payment'
  intervalUnit: null
  intervalCount: null
  trialPeriodDays: null
  usageEventsPerUnit: null
  productId: string
  usageMeterId: null
}

export interface UsagePriceRow extends PriceCommon {
  type: 'usage'
  intervalUnit: IntervalUnit
  intervalCount: number
  trialPeriodDays: null
  usageEventsPerUnit: number
  productId: null
  usageMeterId: string
}

export type PriceRow = SubscriptionPriceRow | SinglePaymentPriceRow | UsagePriceRow

export interface UsageMeterRow extends Timestamps {
  id: string
  organizationId: string
  name: string
  pricingModelId: string
  slug: string
  aggregationType: AggregationType
}

interface FeatureCommon extends Timestamps {
  id: string
  organizationId: string
  slug: string
  name: string
  description: string
  pricingModelId: string
  active: boolean
}

export interface ToggleFeatureRow extends FeatureCommon {
  type: 'toggle'
  amount: null
  usageMeterId: null
  renewalFrequency: null
}

export interface UsageCreditGrantFeatureRow extends FeatureCommon {
  type: 'usage_credit_grant'
  amount: number
  usageMeterId: string
  renewalFrequency: RenewalFrequency
}

/** Grants `amount` units of a resource's capacity (times the subscription item's quantity). */
export interface ResourceFeatureRow extends FeatureCommon {
  type: 'resource'
  amount: number
  usageMeterId: null
  renewalFrequency: null
  resourceId: string
}

export type FeatureRow = ToggleFeatureRow | UsageCreditGrantFeatureRow | ResourceFeatureRow

/** Claimable capacity (seats, API keys, projects) of a pricing model. */
export interface ResourceRow extends Timestamps {
  id: string
  organizationId: string
  pricingModelId: string
  slug: string
  name: string
  active: boolean
}

/**
 * One claimed unit of a resource. Active while `releasedAt` and `expiredAt` are both null:
 * `releasedAt`/`releaseReason` record a release by the app, `expiredAt` the end of the
 * subscription that held it.
 */
export interface ResourceClaimRow extends Timestamps {
  id: string
  organizationId: string
  resourceId: string
  subscriptionId: string
  pricingModelId: string
  externalId: string | null
  claimedAt: number
  releasedAt: number | null
  releaseReason: string | null
  expiredAt: number | null
  metadata: Metadata | null
}

/**
 * An older-shape pricing file puts a usage price on a product of its own (name, slug, labels).
 * The hosted API now serves usage prices with `productId: null`, so that link is kept here:
 * `id` is the usage price's id.
 */
export interface UsagePriceProductRow {
  id: string
  productId: string
  createdAt: number
}

/** Which features a product grants (productId → ordered featureIds). */
export interface ProductFeatureRow {
  id: string
  productId: string
  featureId: string
  createdAt: number
}

export interface CustomerRow extends Timestamps {
  id: string
  organizationId: string
  email: string
  name: string
  invoiceNumberBase: string | null
  archived: boolean
  logoURL: string | null
  iconURL: string | null
  domain: string | null
  externalId: string
  userId: string | null
  pricingModelId: string
}

/** Stored without `current` (derived when serialised). */
export interface SubscriptionRow extends Timestamps {
  id: string
  startDate: number
  customerId: string
  organizationId: string
  status: SubscriptionStatus
  defaultPaymentMethodId: string | null
  backupPaymentMethodId: string | null
  trialEnd: number | null
  currentBillingPeriodStart: number | null
  currentBillingPeriodEnd: number | null
  metadata: Metadata | null
  canceledAt: number | null
  cancelScheduledAt: number | null
  cancellationReason: string | null
  replacedBySubscriptionId: string | null
  isFreePlan: boolean | null
  doNotCharge: boolean | null
  priceId: string
  runBillingAtPeriodStart: boolean | null
  interval: IntervalUnit | null
  intervalCount: number | null
  billingCycleAnchorDate: number | null
  name: string | null
  renews: boolean
  pricingModelId: string
  /**
   * When a scheduled adjustment (a downgrade) takes effect: the end of the period it was made
   * in. Its items are stored already, with that `addedDate`. Absent in older snapshots.
   */
  scheduledAdjustmentAt: number | null
}

export interface SubscriptionItemRow extends Timestamps {
  id: string
  subscriptionId: string
  name: string | null
  addedDate: number
  priceId: string | null
  unitPrice: number
  quantity: number
  metadata: Metadata | null
  type: 'static'
  externalId: string | null
  expiredAt: number | null
  manuallyCreated: boolean
  pricingModelId: string
}

export interface SubscriptionItemFeatureRow extends Timestamps {
  id: string
  subscriptionItemId: string
  featureId: string
  productFeatureId: string | null
  type: 'toggle' | 'usage_credit_grant' | 'resource'
  amount: number | null
  usageMeterId: string | null
  renewalFrequency: RenewalFrequency | null
  expiredAt: number | null
  detachedAt: number | null
  detachedReason: string | null
  manuallyCreated: boolean
  pricingModelId: string
  name: string
  slug: string
  /** Only on `resource` feature items. */
  resourceId?: string
}

export interface BillingPeriodRow {
  id: string
  subscriptionId: string
  /** 0 for the first period of the subscription. */
  index: number
  startDate: number
  endDate: number
  status: 'active' | 'completed'
  createdAt: number
}

export interface UsageEventRow extends Timestamps {
  id: string
  customerId: string
  subscriptionId: string
  usageMeterId: string
  billingPeriodId: string | null
  amount: number
  usageDate: number
  transactionId: string
  priceId: string
  properties: Record<string, unknown> | null
  pricingModelId: string
}

/**
 * One per (subscription, usage meter). Running totals make balance reads O(1).
 * `periodGrant` / `periodDebits` track the current period so expiring grants can be settled.
 */
export interface LedgerAccountRow {
  id: string
  subscriptionId: string
  usageMeterId: string
  pricingModelId: string
  credits: number
  debits: number
  entryCount: number
  periodBillingPeriodId: string | null
  periodGrant: number
  periodDebits: number
  createdAt: number
  updatedAt: number
}

/** Credit-side ledger entries (usage debits are folded into the account totals). */
export interface LedgerEntryRow {
  id: string
  ledgerAccountId: string
  billingPeriodId: string | null
  type: 'credit_grant_recognized' | 'credit_grant_expired' | 'usage_settlement'
  direction: 'credit' | 'debit'
  amount: number
  createdAt: number
}

export interface CheckoutSessionRow extends Timestamps {
  id: string
  type: 'product' | 'add_payment_method' | 'activate_subscription'
  status: 'open' | 'pending' | 'succeeded' | 'failed' | 'expired'
  pricingModelId: string
  organizationId: string
  customerId: string
  customerName: string | null
  customerEmail: string | null
  priceId: string | null
  quantity: number
  purchaseId: string | null
  invoiceId: string | null
  discountId: string | null
  successUrl: string
  cancelUrl: string
  outputMetadata: Metadata | null
  outputName: string | null
  preserveBillingCycleAnchor: boolean
  targetSubscriptionId: string | null
  automaticallyUpdateSubscriptions: boolean | null
  expires: number
}

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'uncollectible' | 'void'

interface InvoiceCommon extends Timestamps {
  id: string
  status: InvoiceStatus
  invoiceNumber: string
  invoiceDate: number
  dueDate: number | null
  currency: string
  customerId: string
  organizationId: string
  pricingModelId: string
  billingRunId: string | null
  applicationFee: number | null
  bankPaymentOnly: boolean | null
  memo: string | null
  ownerMembershipId: string | null
  pdfURL: string | null
  receiptPdfURL: string | null
  subtotal: number | null
  taxAmount: number | null
  taxRatePercentage: string | null
  taxState: string | null
  taxCountry: string | null
  taxType: TaxType | null
}

/** A subscription invoice, created when a billing period closes. */
export interface SubscriptionInvoiceRow extends InvoiceCommon {
  type: 'subscription'
  subscriptionId: string
  billingPeriodId: string
  billingPeriodStartDate: number
  billingPeriodEndDate: number
  purchaseId: null
}

/** The invoice of a single-payment purchase, paid at checkout. */
export interface PurchaseInvoiceRow extends InvoiceCommon {
  type: 'purchase'
  subscriptionId: null
  billingPeriodId: null
  billingPeriodStartDate: null
  billingPeriodEndDate: null
  purchaseId: string
}

export type InvoiceRow = SubscriptionInvoiceRow | PurchaseInvoiceRow

interface LineItemCommon extends Timestamps {
  id: string
  invoiceId: string
  description: string | null
  /** Unit amount in minor units; the line amount is `price * quantity`. */
  price: number
  quantity: number
  priceId: string | null
  pricingModelId: string
}

export interface StaticLineItemRow extends LineItemCommon {
  type: 'static'
  ledgerAccountId: null
  ledgerAccountCredit: null
}

export interface UsageLineItemRow extends LineItemCommon {
  type: 'usage'
  billingRunId: string
  ledgerAccountId: string
  /** Usage (in meter units) covered by credits rather than billed. */
  ledgerAccountCredit: number
}

export type InvoiceLineItemRow = StaticLineItemRow | UsageLineItemRow

export interface PaymentMethodRow extends Timestamps {
  id: string
  customerId: string
  pricingModelId: string
  type: 'card'
  default: boolean
  billingDetails: {
    name: string | null
    email: string | null
    address: {
      line1: string | null
      line2: string | null
      city: string | null
      state: string | null
      postal_code: string | null
      country: string
    }
  }
  paymentMethodData: Record<string, unknown>
  metadata: Metadata | null
}

/** A completed single-payment checkout (the only purchases the emulator records). */
export interface PurchaseRow extends Timestamps {
  id: string
  name: string
  status: 'paid'
  customerId: string
  organizationId: string
  billingCycleAnchor: null
  priceId: string
  quantity: number
  priceType: 'single_payment'
  trialPeriodDays: null
  pricePerBillingCycle: null
  intervalUnit: null
  intervalCount: null
  firstInvoiceValue: number
  totalPurchaseValue: number
  bankPaymentOnly: boolean | null
  purchaseDate: number
  endDate: null
  proposal: null
  archived: boolean
  metadata: Metadata | null
  pricingModelId: string
  position: number
}

/** A charge of an invoice: it succeeds with a default test card and fails without one. */
export interface PaymentRow extends Timestamps {
  id: string
  invoiceId: string
  amount: number
  paymentMethod: 'card'
  currency: string
  status: 'succeeded' | 'failed'
  chargeDate: number
  settlementDate: number | null
  description: string | null
  receiptNumber: string | null
  receiptURL: string | null
  organizationId: string
  customerId: string
  purchaseId: string | null
  subscriptionId: string | null
  paymentMethodId: string | null
  billingPeriodId: string | null
  taxAmount: number | null
  subtotal: number | null
  taxType: TaxType | null
  taxCountry: string | null
  taxState: string | null
  taxRatePercentage: string | null
  applicationFee: number | null
  refunded: boolean
  refundedAmount: number | null
  refundedAt: number | null
  failureMessage: string | null
  failureCode: string | null
  pricingModelId: string
}

/** Compiles only while `T` is assignable to `Wire`. */
type Satisfies<T extends Wire, Wire> = T

/**
 * Every row, as served (subscriptions gain `current`, pricing models their products and
 * meters), is a valid wire object for the SDK's types. Never used at run time.
 */
export type WireChecks = [
  Satisfies<CustomerRow, Customer>,
  Satisfies<SubscriptionRow & { current: boolean }, Subscription>,
  Satisfies<SubscriptionItemRow, SubscriptionItem>,
  Satisfies<PriceRow, Price>,
  Satisfies<UsageMeterRow, UsageMeterRecord>,
  Satisfies<PricingModelRow & Pick<PricingModel, 'products' | 'usageMeters'>, PricingModel>,
  Satisfies<UsageEventRow, UsageEvent>,
  Satisfies<InvoiceRow, Invoice>,
  Satisfies<InvoiceLineItemRow, InvoiceLineItem>,
  Satisfies<PaymentMethodRow, PaymentMethod>,
  Satisfies<CheckoutSessionRow, CheckoutSession>,
  Satisfies<PurchaseRow, Purchase>,
  Satisfies<ResourceRow, Resource>,
  Satisfies<ResourceClaimRow, ResourceClaim>,
]
