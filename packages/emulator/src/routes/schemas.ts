import { validateUsageProperties } from '@flowglad/shared'
import * as z from 'zod'
import { isRedirectableUrl } from '../domain/redirect-url.js'

const nullableString = z.string().nullable().optional()
const metadata = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
const interval = z.enum(['day', 'week', 'month', 'year'])
const positiveInt = z.number().int().positive()
const cents = z.number().int().min(0)

export const customerCreateBody = z.object({
  customer: z.object({
    email: z.string(),
    name: z.string(),
    externalId: z.string().min(1),
    archived: z.boolean().optional(),
    logoURL: nullableString,
    iconURL: nullableString,
    domain: nullableString,
    userId: nullableString,
  }),
})

export const customerUpdateBody = z.object({
  customer: z.object({
    email: z.string().optional(),
    name: z.string().optional(),
    archived: z.boolean().optional(),
    logoURL: nullableString,
    iconURL: nullableString,
    domain: nullableString,
    userId: nullableString,
  }),
})

export const subscriptionCreateBody = z
  .object({
    customerId: z.string().optional(),
    customerExternalId: z.string().optional(),
    priceId: z.string().optional(),
    priceSlug: z.string().optional(),
    quantity: positiveInt.optional(),
    startDate: z.union([z.number().int(), z.string()]).optional(),
    interval: interval.optional(),
    intervalCount: positiveInt.optional(),
    trialEnd: z.number().int().optional(),
    metadata: metadata.optional(),
    name: z.string().optional(),
    defaultPaymentMethodId: z.string().optional(),
    backupPaymentMethodId: z.string().optional(),
    doNotCharge: z.boolean().optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.customerId === undefined) === (body.customerExternalId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['customerId'],
        message: 'Exactly one of customerId or customerExternalId must be provided',
      })
    }
    if ((body.priceId === undefined) === (body.priceSlug === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['priceId'],
        message: 'Exactly one of priceId or priceSlug must be provided',
      })
    }
  })

export const cancelBody = z.object({
  cancellation: z.object({
    timing: z.enum(['at_end_of_current_billing_period', 'immediately']),
  }),
})

/** Epoch ms from a number or an ISO date string. */
const usageDate = z.union([z.number().int(), z.string()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : Date.parse(value)
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: 'Invalid usageDate: not a date' })
    return z.NEVER
  }
  return ms
})

/**
 * Plain JSON within the SDK's limits (`usagePropertiesLimits`: depth and JSON size), checked
 * without recursion that input depth could overflow, before anything is stored or serialised.
 */
const usageProperties = z.record(z.string(), z.unknown()).superRefine((properties, ctx) => {
  const problem = validateUsageProperties(properties)
  if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message })
})

export const usageEventItem = z
  .object({
    subscriptionId: z.string(),
    amount: z.number().int().positive(),
    transactionId: z.string(),
    usageDate: usageDate.optional(),
    properties: usageProperties.nullable().optional(),
    priceId: z.string().optional(),
    priceSlug: z.string().optional(),
    usageMeterId: z.string().optional(),
    usageMeterSlug: z.string().optional(),
  })
  .superRefine((event, ctx) => {
    const given = [event.priceId, event.priceSlug, event.usageMeterId, event.usageMeterSlug].filter(
      (v) => v !== undefined,
    )
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['priceId'],
        message:
          'Exactly one of priceId, priceSlug, usageMeterId, or usageMeterSlug must be provided',
      })
    }
  })

export const usageEventCreateBody = z.object({ usageEvent: usageEventItem })
export const usageEventBulkBody = z.object({ usageEvents: z.array(usageEventItem).min(1) })

const aggregationType = z.enum(['sum', 'count_distinct_properties'])

export const usageMeterCreateBody = z.object({
  usageMeter: z.object({
    name: z.string().min(1),
    slug: z.string().min(1),
    aggregationType: aggregationType.optional(),
    pricingModelId: z.string().optional(),
  }),
  price: z
    .object({
      type: z.enum(['single_payment', 'subscription', 'usage']).optional(),
      unitPrice: cents.optional(),
      usageEventsPerUnit: positiveInt.optional(),
    })
    .optional(),
})

export const usageMeterUpdateBody = z.object({
  usageMeter: z.object({
    id: z.string(),
    name: z.string().min(1).optional(),
    slug: z.string().min(1).optional(),
    aggregationType: aggregationType.optional(),
  }),
})

const priceCommon = {
  name: z.string().nullable().optional(),
  slug: z.string().min(1).nullable().optional(),
  isDefault: z.boolean(),
  unitPrice: cents,
  active: z.boolean().optional(),
}

const subscriptionPrice = z.object({
  ...priceCommon,
  type: z.literal('subscription'),
  intervalUnit: interval,
  intervalCount: positiveInt,
  trialPeriodDays: z.number().int().min(0).nullable().optional(),
})
const singlePaymentPrice = z.object({ ...priceCommon, type: z.literal('single_payment') })
const usagePrice = z.object({
  ...priceCommon,
  type: z.literal('usage'),
  intervalUnit: interval,
  intervalCount: positiveInt,
  usageEventsPerUnit: positiveInt,
  usageMeterId: z.string(),
})

export const priceCreateBody = z.object({
  price: z.discriminatedUnion('type', [
    subscriptionPrice.extend({ productId: z.string() }),
    singlePaymentPrice.extend({ productId: z.string() }),
    usagePrice,
  ]),
})

export const productCreateBody = z.object({
  product: z.object({
    name: z.string().min(1),
    slug: z.string().min(1),
    active: z.boolean(),
    pricingModelId: z.string(),
    description: z.string().nullable().optional(),
    imageURL: z.string().nullable().optional(),
    default: z.boolean().optional(),
    singularQuantityLabel: z.string().nullable().optional(),
    pluralQuantityLabel: z.string().nullable().optional(),
  }),
  price: z.discriminatedUnion('type', [subscriptionPrice, singlePaymentPrice]),
  featureIds: z.array(z.string()).optional(),
})

/** Where the checkout page redirects the buyer: checked here, before a session exists. */
const redirectUrl = z
  .string()
  .refine(isRedirectableUrl, { message: 'Invalid URL: must be an absolute http: or https: URL' })

const checkoutCommon = {
  customerExternalId: z.string(),
  successUrl: redirectUrl,
  cancelUrl: redirectUrl,
  outputMetadata: metadata.nullable().optional(),
  outputName: z.string().optional(),
}

export const checkoutSessionCreateBody = z.object({
  checkoutSession: z.discriminatedUnion('type', [
    z.object({
      ...checkoutCommon,
      type: z.literal('product'),
      priceId: z.string().optional(),
      priceSlug: z.string().optional(),
      quantity: z.number().int().min(1).optional(),
      preserveBillingCycleAnchor: z.boolean().optional(),
    }),
    z.object({
      ...checkoutCommon,
      type: z.literal('add_payment_method'),
      targetSubscriptionId: z.string().optional(),
      automaticallyUpdateSubscriptions: z.boolean().nullable().optional(),
    }),
    z.object({
      ...checkoutCommon,
      type: z.literal('activate_subscription'),
      targetSubscriptionId: z.string(),
      preserveBillingCycleAnchor: z.boolean().optional(),
    }),
  ]),
})
