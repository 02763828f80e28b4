// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'
import { exactlyOnePrice, nonEmptyString, positiveInteger } from './common.js'

export const cancelSubscriptionSchema = z.strictObject({
  id: nonEmptyString('id'),
  cancellation: z.discriminatedUnion(
    'timing',
    [
      z.object({ timing: z.literal('at_end_of_current_billing_period') }),
      z.object({ timing: z.literal('immediately') }),
    ],
    { error: "cancellation.timing must be 'at_end_of_current_billing_period' or 'immediately'" },
  ),
})

export const uncancelSubscriptionSchema = z.strictObject({ id: nonEmptyString('id') })

const subscriptionFields = {
  priceId: nonEmptyString('priceId').optional(),
  priceSlug: nonEmptyString('priceSlug').optional(),
  quantity: positiveInteger('quantity').optional(),
  startDate: z.iso.datetime({ error: 'startDate must be an ISO date-time' }).optional(),
  trialEnd: z.number().int().optional(),
  metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  name: z.string().optional(),
  backupPaymentMethodId: z.string().optional(),
  defaultPaymentMethodId: z.string().optional(),
  interval: z.enum(['day', 'week', 'month', 'year']).optional(),
  intervalCount: positiveInteger('intervalCount').optional(),
  doNotCharge: z.boolean().default(false),
}

export const createSubscriptionSchema = z
  .strictObject({ ...subscriptionFields, customerId: nonEmptyString('customerId') })
  .superRefine(exactlyOnePrice)

/** What the browser may send: the route handler injects the asking customer. */
export const clientCreateSubscriptionSchema = z
  .strictObject(subscriptionFields)
  .superRefine(exactlyOnePrice)
