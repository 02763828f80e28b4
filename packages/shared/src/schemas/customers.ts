// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'
import { nonEmptyString } from './common.js'

const nullableLine = z.string().nullable()

export const billingAddressSchema = z.object({
  name: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.email().optional(),
  phone: z.string().optional(),
  address: z.object({
    name: z.string().optional(),
    line1: nullableLine,
    line2: nullableLine,
    city: nullableLine,
    state: nullableLine,
    postal_code: nullableLine,
    country: z.string(),
  }),
})

export const updateCustomerInputSchema = z.object({
  id: nonEmptyString('id'),
  name: z.string().optional(),
  email: z.email({ error: 'email must be a valid email address' }).optional(),
  phone: z.string().optional(),
  billingAddress: billingAddressSchema.optional(),
})

/** `FlowgladServer.updateCustomer`: the customer's fields, `id` optional (never sent). */
export const customerUpdateFieldsSchema = updateCustomerInputSchema.partial({ id: true })

/** A customer's email, as the update schema accepts it (optional). */
export const customerEmailSchema = updateCustomerInputSchema.shape.email

export const updateCustomerSchema = z.object({
  customer: updateCustomerInputSchema,
  externalId: nonEmptyString('externalId'),
})

/**
 * Reads scoped to the asking customer. `externalId` is accepted for upstream compatibility;
 * the route handler refuses any value other than the session's own.
 */
export const customerScopedInputSchema = z.object({ externalId: z.string().optional() })

export const usageMeterBalancesInputSchema = z.strictObject({
  subscriptionId: nonEmptyString('subscriptionId').optional(),
  externalId: z.string().optional(),
})
