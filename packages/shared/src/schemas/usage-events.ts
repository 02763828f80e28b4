// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'
import { usageEventIdentifierFields, usageEventIdentifierMessage } from '../usage-identifier.js'
import { nonEmptyString, positiveInteger, requireExactlyOne } from './common.js'
import { usagePropertiesSchema } from './usage-properties.js'

/** The API rejects anything but an integer > 0, so it is caught here with a clear message. */
export const usageAmountSchema = positiveInteger('amount')

export const usageDateSchema = z
  .number({ error: 'usageDate must be epoch milliseconds' })
  .int({ error: 'usageDate must be epoch milliseconds' })
  .nonnegative({ error: 'usageDate must be epoch milliseconds' })

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

/** Keeps zod's own text for unknown keys (it names the key) and says plainly what a non-object is. */
const notAnObject = (issue: { code: string }) =>
  issue.code === 'invalid_type' ? 'a usage event must be an object' : undefined

/** A usage event: the identifier rule, optional extras, unknown keys rejected (typos fail loudly). */
function usageEventSchema<S extends z.ZodRawShape>(shape: S) {
  return z
    .strictObject(
      {
        ...identifierShape,
        ...shape,
        properties: usagePropertiesSchema.nullish(),
        usageDate: usageDateSchema.nullish(),
      },
      { error: notAnObject },
    )
    .superRefine(exactlyOneIdentifier)
}

/** Server side: everything the REST API needs. */
export const createUsageEventSchema = usageEventSchema({
  amount: usageAmountSchema,
  subscriptionId: nonEmptyString('subscriptionId'),
  transactionId: nonEmptyString('transactionId'),
})

/** Browser side: amount, subscriptionId and transactionId are filled in by the route handler. */
export const clientCreateUsageEventSchema = usageEventSchema({
  amount: usageAmountSchema.optional(),
  subscriptionId: nonEmptyString('subscriptionId').optional(),
  transactionId: nonEmptyString('transactionId').optional(),
})

export const bulkCreateUsageEventsSchema = z.strictObject(
  {
    usageEvents: z
      .array(createUsageEventSchema, { error: 'usageEvents must be an array' })
      .min(1, { error: 'usageEvents must contain at least one event' }),
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type' ? 'expected an object { usageEvents: [...] }' : undefined,
  },
)
