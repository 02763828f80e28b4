// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'

export const nonEmptyString = (field: string) =>
  z.string({ error: `${field} must be a string` }).min(1, { error: `${field} must not be empty` })

/** An integer > 0; every way to miss (wrong type, NaN, 0, -1, 1.5) gets the same message. */
export const positiveInteger = (field: string) => {
  const error = `${field} must be a positive integer`
  return z.number({ error }).int({ error }).positive({ error })
}

/** Adds one issue at the object root unless exactly one of `fields` is set. */
export function requireExactlyOne<T extends Record<string, unknown>>(
  fields: readonly (keyof T & string)[],
  message: string,
) {
  return (value: T, ctx: z.RefinementCtx) => {
    const present = fields.filter((field) => value[field] !== undefined)
    if (present.length !== 1) ctx.addIssue({ code: 'custom', message, path: [] })
  }
}

/** The price rule shared by product checkout and subscription creation. */
export const exactlyOnePrice = requireExactlyOne(
  ['priceId', 'priceSlug'],
  'Exactly one of priceId or priceSlug must be provided',
)
