// Answers of the routes added for upstream 0.18 and its next release, plus the remaining
// upstream type names. Dates in `CustomerDetails` are ISO strings, as the read route sends them.
import type { SubscriptionAdjustmentTiming } from './params.js'
import type {
  IntervalUnit,
  InvoiceWithLineItems,
  PaymentMethod,
  PaymentMethodType,
  Price,
  PricingModel,
  Purchase,
  Subscription,
  SubscriptionDetails,
  SubscriptionItem,
  UsageMeterBalance,
} from './types.js'

/** `pricing-models/retrieve`: the customer's model signed in, the default one signed out. */
export interface GetPricingModelResponse {
  pricingModel: PricingModel
  source: 'customer' | 'default'
}

export interface GetUsageMeterBalancesParams {
  subscriptionId?: string
}

export interface GetUsageMeterBalancesResponse {
  usageMeterBalances: UsageMeterBalance[]
}

/** `subscriptions/adjust` and `FlowgladServer.adjustSubscription`: the API's answer as is. */
export interface AdjustSubscriptionResponse {
  subscription: Subscription
  subscriptionItems: SubscriptionItem[]
  isUpgrade: boolean
  resolvedTiming: Exclude<SubscriptionAdjustmentTiming, 'auto'>
}

export interface GetSubscriptionsParams {
  includeHistorical?: boolean
}

export interface GetSubscriptionsResponse {
  subscriptions: SubscriptionDetails[]
  currentSubscriptions: SubscriptionDetails[]
  currentSubscription: SubscriptionDetails | null
}

/** A toggle feature the customer has, once per slug. */
export interface FeatureAccessItem {
  id: string
  livemode: boolean
  slug: string
  name: string
}

export interface GetFeatureAccessItemsParams {
  subscriptionId?: string
}

export interface GetFeatureAccessItemsResponse {
  features: FeatureAccessItem[]
}

export type PaymentMethodDetails = PaymentMethod

export type GetPaymentMethodsParams = Record<string, never>

export interface GetPaymentMethodsResponse {
  paymentMethods: PaymentMethodDetails[]
  billingPortalUrl: string | null
}

export interface CustomerDetails {
  id: string
  livemode: boolean
  email: string
  name: string | null
  externalId: string | null
  createdAt: string
  updatedAt: string
}

export type GetCustomerDetailsParams = Record<string, never>

export interface GetCustomerDetailsResponse {
  customer: CustomerDetails
}

export type InvoiceDetails = InvoiceWithLineItems
export type PurchaseDetails = Purchase

/** A page: the items after the one with id `startingAfter` (no such id: from the start). */
export interface ListPageParams {
  limit?: number
  startingAfter?: string
}

export type GetInvoicesParams = ListPageParams
export interface GetInvoicesResponse {
  invoices: InvoiceDetails[]
}

export type GetPurchasesParams = ListPageParams
export interface GetPurchasesResponse {
  purchases: PurchaseDetails[]
}

// ── upstream type names without a route ─────────────────────────────────────

export type SinglePaymentPrice = Price & { type: 'single_payment' }
export type SubscriptionPrice = Price & { type: 'subscription' }
export type UsagePrice = Price & { type: 'usage' }
export type SubscriptionIntervalUnit = IntervalUnit

export type PaymentStatus =
  | 'canceled'
  | 'failed'
  | 'refunded'
  | 'processing'
  | 'succeeded'
  | 'requires_confirmation'
  | 'requires_action'

/** A payment as the API returns it (`PaymentClientSelectSchema`; epoch ms timestamps). */
export interface Payment {
  id: string
  createdAt: number
  updatedAt: number
  livemode: boolean
  invoiceId: string
  amount: number
  paymentMethod: PaymentMethodType
  currency: string
  status: PaymentStatus
  chargeDate: number
  settlementDate?: number | null
  description: string | null
  receiptNumber?: string | null
  receiptURL?: string | null
  organizationId: string
  customerId: string
  pricingModelId: string
  purchaseId: string | null
  subscriptionId: string | null
  paymentMethodId: string | null
  billingPeriodId: string | null
  taxAmount: number | null
  subtotal: number | null
  taxType?: string | null
  taxCountry?: string | null
  taxState: string | null
  taxRatePercentage: string | null
  applicationFee: number | null
  refunded: boolean
  refundedAmount: number | null
  refundedAt?: number | null
  failureCode: string | null
  failureMessage: string | null
}

interface ProductCheckoutFields {
  successUrl: string
  cancelUrl: string
  quantity?: number
  outputMetadata?: Record<string, string>
  outputName?: string
}

export type ProductCheckoutSessionWithPriceId = ProductCheckoutFields & {
  priceId: string
  priceSlug?: never
}

export type ProductCheckoutSessionWithPriceSlug = ProductCheckoutFields & {
  priceSlug: string
  priceId?: never
}

/** Display options of upstream's invoice components (types only). */
export interface InvoiceDisplayProps {
  showTaxDetails?: boolean
  condensed?: boolean
}

export interface InvoiceActionOptions {
  allowDownload?: boolean
  allowPayment?: boolean
}
