import type { z } from 'zod'
import type {
  createActivateSubscriptionCheckoutSessionSchema,
  createAddPaymentMethodCheckoutSessionSchema,
  createProductCheckoutSessionSchema,
} from './schemas/checkout-sessions.js'
import type { updateCustomerSchema } from './schemas/customers.js'
import type {
  cancelSubscriptionSchema,
  createSubscriptionSchema,
  uncancelSubscriptionSchema,
} from './schemas/subscriptions.js'
import type {
  bulkCreateUsageEventsSchema,
  clientCreateUsageEventSchema,
  createUsageEventSchema,
} from './schemas/usage-events.js'

type Identifier =
  | { priceId: string; priceSlug?: never; usageMeterId?: never; usageMeterSlug?: never }
  | { priceId?: never; priceSlug: string; usageMeterId?: never; usageMeterSlug?: never }
  | { priceId?: never; priceSlug?: never; usageMeterId: string; usageMeterSlug?: never }
  | { priceId?: never; priceSlug?: never; usageMeterId?: never; usageMeterSlug: string }

type WithIdentifier<T> = Omit<T, 'priceId' | 'priceSlug' | 'usageMeterId' | 'usageMeterSlug'> &
  Identifier

/** Server side: exactly one identifier; amount, subscriptionId and transactionId required. */
export type CreateUsageEventParams = WithIdentifier<z.input<typeof createUsageEventSchema>>
/** Browser side: exactly one identifier; the route handler fills in the rest. */
export type ClientCreateUsageEventParams = WithIdentifier<
  z.input<typeof clientCreateUsageEventSchema>
>
export type BulkCreateUsageEventsParams = { usageEvents: CreateUsageEventParams[] }
export type BulkCreateUsageEventsInput = z.input<typeof bulkCreateUsageEventsSchema>

export type CreateProductCheckoutSessionParams = z.input<typeof createProductCheckoutSessionSchema>
export type CreateAddPaymentMethodCheckoutSessionParams = z.input<
  typeof createAddPaymentMethodCheckoutSessionSchema
>
export type CreateActivateSubscriptionCheckoutSessionParams = z.input<
  typeof createActivateSubscriptionCheckoutSessionSchema
>
export type CancelSubscriptionParams = z.input<typeof cancelSubscriptionSchema>
export type UncancelSubscriptionParams = z.input<typeof uncancelSubscriptionSchema>
export type CreateSubscriptionParams = z.input<typeof createSubscriptionSchema>
export type UpdateCustomerParams = z.input<typeof updateCustomerSchema>

/** When an adjustment applies: `immediately`, `at_end_of_current_billing_period` or `auto`. */
export type SubscriptionAdjustmentTiming =
  | 'immediately'
  | 'at_end_of_current_billing_period'
  | 'auto'

type PriceChoice = { priceSlug: string; priceId?: never } | { priceId: string; priceSlug?: never }

/** One item of the new plan in `adjustSubscription({ subscriptionItems })`. */
export type TerseSubscriptionItem = PriceChoice & { quantity?: number }

interface AdjustSubscriptionOptions {
  /** Default: the customer's only current subscription. */
  subscriptionId?: string
  /** Default `auto`: upgrades apply now (prorated), downgrades at the period end. */
  timing?: SubscriptionAdjustmentTiming
  /** Prorate the current period (default true; ignored at the period end). */
  prorate?: boolean
}

/** The three exclusive forms of `adjustSubscription` input. */
export type AdjustSubscriptionParams = AdjustSubscriptionOptions &
  (
    | (PriceChoice & { quantity?: number; subscriptionItems?: never })
    | {
        subscriptionItems: TerseSubscriptionItem[]
        priceSlug?: never
        priceId?: never
        quantity?: never
      }
  )
