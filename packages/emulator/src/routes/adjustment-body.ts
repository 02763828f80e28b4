import * as z from 'zod'

/**
 * One of `newSubscriptionItems`: the terse form `{priceId|priceSlug, quantity?}` the SDK sends,
 * or a full subscription-item object, of which only the price reference and quantity are read
 * (the unit price always comes from the price).
 */
const newItem = z
  .object({
    priceId: z.string().min(1).nullable().optional(),
    priceSlug: z.string().min(1).optional(),
    quantity: z.number().int().positive().default(1),
  })
  .superRefine((item, ctx) => {
    const hasId = item.priceId !== undefined && item.priceId !== null
    if (hasId === (item.priceSlug !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['priceId'],
        message: 'Exactly one of priceId or priceSlug must be provided',
      })
    }
  })

const newItems = z.array(newItem).min(1)

/** `{adjustment}` of `adjust` and `preview-adjust`, told apart by `timing`. */
export const adjustmentBody = z.object({
  adjustment: z.discriminatedUnion('timing', [
    z.object({
      timing: z.literal('immediately'),
      newSubscriptionItems: newItems,
      prorateCurrentBillingPeriod: z.boolean().default(true),
    }),
    z.object({
      timing: z.literal('auto'),
      newSubscriptionItems: newItems,
      prorateCurrentBillingPeriod: z.boolean().default(true),
    }),
    z.object({
      timing: z.literal('at_end_of_current_billing_period'),
      newSubscriptionItems: newItems,
      // Nothing is prorated when the change waits for the period end (the SDK omits it).
      prorateCurrentBillingPeriod: z
        .never({
          error: 'prorateCurrentBillingPeriod is not allowed with at_end_of_current_billing_period',
        })
        .optional(),
    }),
  ]),
})

export type AdjustmentBody = z.output<typeof adjustmentBody>
