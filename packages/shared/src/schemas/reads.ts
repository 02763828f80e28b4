// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'
import { nonEmptyString, positiveInteger } from './common.js'

// Inputs of the read routes, all strict as upstream's (next release, HEAD) are.

export const getUsageMeterBalancesSchema = z.strictObject({
  subscriptionId: nonEmptyString('subscriptionId').optional(),
})

/** `pricing-models/retrieve` takes nothing (signed in or out). */
export const getPricingModelSchema = z.strictObject({})

export const getSubscriptionsSchema = z.strictObject({
  includeHistorical: z.boolean({ error: 'includeHistorical must be a boolean' }).optional(),
})

export const getFeatureAccessItemsSchema = z.strictObject({
  subscriptionId: nonEmptyString('subscriptionId').optional(),
})

export const getPaymentMethodsSchema = z.strictObject({})

export const getCustomerDetailsSchema = z.strictObject({})

/** A page of a list in billing: the items after `startingAfter` (an id), at most `limit`. */
const pageSchema = z.strictObject({
  limit: positiveInteger('limit').optional(),
  startingAfter: nonEmptyString('startingAfter').optional(),
})

export const getInvoicesSchema = pageSchema
export const getPurchasesSchema = pageSchema
