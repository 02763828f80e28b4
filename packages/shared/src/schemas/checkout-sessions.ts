// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'
import { nonEmptyString, requireExactlyOne } from './common.js'

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
    quantity: z
      .number()
      .int({ error: 'quantity must be a positive integer' })
      .positive({ error: 'quantity must be a positive integer' })
      .default(1),
  })
  .superRefine(
    requireExactlyOne(
      ['priceId', 'priceSlug'],
      'Exactly one of priceId or priceSlug must be provided',
    ),
  )

export const createAddPaymentMethodCheckoutSessionSchema = z.strictObject({
  ...checkoutCore,
  targetSubscriptionId: nonEmptyString('targetSubscriptionId').optional(),
})

export const createActivateSubscriptionCheckoutSessionSchema = z.strictObject({
  ...checkoutCore,
  targetSubscriptionId: nonEmptyString('targetSubscriptionId'),
})
