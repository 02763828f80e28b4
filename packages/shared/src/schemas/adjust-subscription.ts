// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'
import { subscriptionAdjustmentTiming } from '../adjustment-timing.js'
import { exactlyOnePrice, nonEmptyString, positiveInteger } from './common.js'
import { oneAdjustmentForm } from './refinements.js'

export { subscriptionAdjustmentTiming }

export const subscriptionAdjustmentTimingSchema = z.enum(
  [
    subscriptionAdjustmentTiming.Immediately,
    subscriptionAdjustmentTiming.AtEndOfCurrentBillingPeriod,
    subscriptionAdjustmentTiming.Auto,
  ],
  { error: "timing must be 'immediately', 'at_end_of_current_billing_period' or 'auto'" },
)

/** One item of the new plan: exactly one of `priceSlug | priceId`, `quantity` an integer > 0. */
export const terseSubscriptionItemSchema = z
  .strictObject({
    priceId: nonEmptyString('priceId').optional(),
    priceSlug: nonEmptyString('priceSlug').optional(),
    quantity: positiveInteger('quantity').optional(),
  })
  .superRefine(exactlyOnePrice)

/**
 * `adjustSubscription` input, three exclusive forms: `{ priceSlug, quantity? }`,
 * `{ priceId, quantity? }` or `{ subscriptionItems: [...] }` (at least one item, quantities
 * inside the items), plus `subscriptionId?`, `timing` (default `auto`) and `prorate?`.
 * One object with a refinement rather than a union, so a mistake gets one plain message.
 */
export const adjustSubscriptionParamsSchema = z
  .strictObject({
    priceSlug: nonEmptyString('priceSlug').optional(),
    priceId: nonEmptyString('priceId').optional(),
    quantity: positiveInteger('quantity').optional(),
    subscriptionItems: z
      .array(terseSubscriptionItemSchema, { error: 'subscriptionItems must be an array' })
      .min(1, { error: 'subscriptionItems must contain at least one item' })
      .optional(),
    subscriptionId: nonEmptyString('subscriptionId').optional(),
    timing: subscriptionAdjustmentTimingSchema.default(subscriptionAdjustmentTiming.Auto),
    prorate: z.boolean({ error: 'prorate must be a boolean' }).optional(),
  })
  .superRefine(oneAdjustmentForm())
