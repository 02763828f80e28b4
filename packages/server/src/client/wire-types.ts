import type {
  CheckoutSession,
  Customer,
  Price,
  PricingModel,
  Product,
  Subscription,
  SubscriptionItem,
  UsageEvent,
  UsageMeter,
  UsageMeterAggregationType,
  UsageMeterBalance,
} from '@flowglad/shared/core'

/** Wire shapes of the Flowglad REST API (`/api/v1`), as our clients send and receive them. */

export interface CustomerCreateInput {
  externalId: string
  name: string
  email: string
  logoURL?: string | null
  iconURL?: string | null
  domain?: string | null
  userId?: string | null
  archived?: boolean
}

/** Optional fields also take `undefined` (JSON drops it), so parsed input fits under exactOptionalPropertyTypes. */
export interface CustomerUpdateInput {
  name?: string | undefined
  email?: string | undefined
  phone?: string | undefined
  logoURL?: string | null | undefined
  iconURL?: string | null | undefined
  domain?: string | null | undefined
  userId?: string | null | undefined
  billingAddress?: Customer['billingAddress'] | undefined
}

export interface CreateCustomerResponse {
  /** Note the `data` wrapper: POST /customers is the one customer route that has it. */
  data: {
    customer: Customer
    subscription?: Subscription
    subscriptionItems?: SubscriptionItem[]
  }
}

export interface CustomerResponse {
  customer: Customer
}

export interface SubscriptionResponse {
  subscription: Subscription
}

export interface CreateSubscriptionResponse {
  subscription: Subscription
  subscriptionItems?: SubscriptionItem[]
}

/** One usage event as POST /usage-events and POST /usage-events/bulk take it. */
export interface UsageEventWireInput {
  subscriptionId: string
  amount: number
  transactionId: string
  priceId?: string
  priceSlug?: string
  usageMeterId?: string
  usageMeterSlug?: string
  properties?: Record<string, unknown>
  usageDate?: number
}

export interface UsageEventResponse {
  usageEvent: UsageEvent
}

export interface BulkUsageEventsResponse {
  /** Only the newly inserted events: duplicates (same transactionId and meter) are left out. */
  usageEvents: UsageEvent[]
}

export interface CheckoutSessionResponse {
  checkoutSession: CheckoutSession
  url: string
}

export interface PricingModelResponse {
  pricingModel: PricingModel
}

export interface UsageMeterBalancesResponse {
  usageMeterBalances: UsageMeterBalance[]
}

export interface PaginatedList<T> {
  data: T[]
  total: number
  hasMore: boolean
  currentCursor?: string
  nextCursor?: string
}

export interface ListParams {
  limit?: number
  cursor?: string
}

export interface ProductInput {
  name: string
  slug: string
  active: boolean
  pricingModelId: string
  description?: string | null
  imageURL?: string | null
  default?: boolean
  singularQuantityLabel?: string | null
  pluralQuantityLabel?: string | null
  [field: string]: unknown
}

export interface PriceInput {
  type: Price['type']
  unitPrice: number
  name?: string | null
  slug?: string | null
  isDefault?: boolean
  active?: boolean
  productId?: string | null
  usageMeterId?: string | null
  intervalUnit?: Price['intervalUnit']
  intervalCount?: number | null
  usageEventsPerUnit?: number | null
  trialPeriodDays?: number | null
  [field: string]: unknown
}

export interface CreateProductParams {
  product: ProductInput
  price?: PriceInput
  featureIds?: string[]
}

export interface UpdateProductParams {
  product: Partial<ProductInput> & { id: string }
  price?: Partial<PriceInput>
  featureIds?: string[]
}

export interface ProductResponse {
  product: Product
}

export interface CreatePriceParams {
  price: PriceInput
}

export interface UpdatePriceParams {
  price: Partial<PriceInput> & { id: string }
}

export interface PriceResponse {
  price: Price
}

export interface CreateUsageMeterParams {
  usageMeter: { name: string; slug: string; aggregationType?: UsageMeterAggregationType }
  price?: { type?: 'usage'; unitPrice?: number; usageEventsPerUnit?: number }
}

export interface UpdateUsageMeterParams {
  usageMeter: {
    id: string
    name?: string
    slug?: string
    aggregationType?: UsageMeterAggregationType
  }
}

export interface UsageMeterResponse {
  usageMeter: UsageMeter
}

export interface ClonePricingModelParams {
  name: string
  destinationEnvironment?: 'livemode' | 'testmode'
}
