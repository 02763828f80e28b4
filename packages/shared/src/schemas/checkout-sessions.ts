// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'
import { exactlyOnePrice, nonEmptyString, positiveInteger } from './common.js'
import { httpUrl } from './refinements.js'

/** Absolute, and http(s) only: a `javascript:` or `data:` redirect would run in the app's origin. */
const absoluteUrl = (field: string) =>
  z
    .url({ error: `${field} must be an absolute URL` })
    .refine(httpUrl(), { error: `${field} must be an http or https URL` })

/**
 * Upstream clients send the session `type` along; it is accepted when it matches the schema's
 * own kind (the server sets it anyway) and refused otherwise.
 */
const sessionType = <T extends string>(type: T) =>
  z.literal(type, { error: `type must be '${type}' for this checkout` }).optional()

const checkoutCore = {
  successUrl: absoluteUrl('successUrl'),
  cancelUrl: absoluteUrl('cancelUrl'),
  outputMetadata: z.record(z.string(), z.unknown()).optional(),
  outputName: z.string().optional(),
}

export const createProductCheckoutSessionSchema = z
  .strictObject({
    ...checkoutCore,
    type: sessionType('product'),
    priceId: nonEmptyString('priceId').optional(),
    priceSlug: nonEmptyString('priceSlug').optional(),
    quantity: positiveInteger('quantity').default(1),
  })
  .superRefine(exactlyOnePrice)

export const createAddPaymentMethodCheckoutSessionSchema = z.strictObject({
  ...checkoutCore,
  type: sessionType('add_payment_method'),
  targetSubscriptionId: nonEmptyString('targetSubscriptionId').optional(),
})

export const createActivateSubscriptionCheckoutSessionSchema = z.strictObject({
  ...checkoutCore,
  type: sessionType('activate_subscription'),
  targetSubscriptionId: nonEmptyString('targetSubscriptionId'),
})
