// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'
import { exactlyOnePrice, nonEmptyString, positiveInteger } from './common.js'

const absoluteUrl = (field: string) => z.url({ error: `${field} must be an absolute URL` })

const checkoutCore = {
  successUrl: absoluteUrl('successUrl'),
  cancelUrl: absoluteUrl('cancelUrl'),
  outputMetadata: z.record(z.string(), z.unknown()).optional(),
  outputName: z.string().optional(),
}

export const createProductCheckoutSessionSchema = z
  .strictObject({
    ...checkoutCore,
    priceId: nonEmptyString('priceId').optional(),
    priceSlug: nonEmptyString('priceSlug').optional(),
    quantity: positiveInteger('quantity').default(1),
  })
  .superRefine(exactlyOnePrice)

export const createAddPaymentMethodCheckoutSessionSchema = z.strictObject({
  ...checkoutCore,
  targetSubscriptionId: nonEmptyString('targetSubscriptionId').optional(),
})

export const createActivateSubscriptionCheckoutSessionSchema = z.strictObject({
  ...checkoutCore,
  targetSubscriptionId: nonEmptyString('targetSubscriptionId'),
})
