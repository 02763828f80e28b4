// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'
import { usageEventIdentifierFields, usageEventIdentifierMessage } from '../usage-identifier.js'
import { nonEmptyString, requireExactlyOne } from './common.js'

const amountMessage = 'amount must be a positive integer'

export const usageAmountSchema = z
  .number({ error: amountMessage })
  .int({ error: amountMessage })
  .positive({ error: amountMessage })

export const usageDateSchema = z
  .number({ error: 'usageDate must be epoch milliseconds' })
  .int({ error: 'usageDate must be epoch milliseconds' })
  .nonnegative({ error: 'usageDate must be epoch milliseconds' })

export const usagePropertiesSchema = z.record(z.string(), z.unknown(), {
  error: 'properties must be an object',
})

const identifierShape = {
  priceId: nonEmptyString('priceId').optional(),
  priceSlug: nonEmptyString('priceSlug').optional(),
  usageMeterId: nonEmptyString('usageMeterId').optional(),
  usageMeterSlug: nonEmptyString('usageMeterSlug').optional(),
}

const exactlyOneIdentifier = requireExactlyOne(
  usageEventIdentifierFields,
  usageEventIdentifierMessage,
)

/** Server side: everything the REST API needs, unknown keys rejected (typos fail loudly). */
export const createUsageEventSchema = z
  .strictObject({
    ...identifierShape,
    amount: usageAmountSchema,
    subscriptionId: nonEmptyString('subscriptionId'),
    transactionId: nonEmptyString('transactionId'),
    properties: usagePropertiesSchema.nullish(),
    usageDate: usageDateSchema.nullish(),
  })
  .superRefine(exactlyOneIdentifier)

/** Browser side: amount, subscriptionId and transactionId are filled in by the route handler. */
export const clientCreateUsageEventSchema = z
  .strictObject({
    ...identifierShape,
    amount: usageAmountSchema.optional(),
    subscriptionId: nonEmptyString('subscriptionId').optional(),
    transactionId: nonEmptyString('transactionId').optional(),
    properties: usagePropertiesSchema.nullish(),
    usageDate: usageDateSchema.nullish(),
  })
  .superRefine(exactlyOneIdentifier)

export const bulkCreateUsageEventsSchema = z.strictObject({
  usageEvents: z
    .array(createUsageEventSchema, { error: 'usageEvents must be an array' })
    .min(1, { error: 'usageEvents must contain at least one event' }),
})
