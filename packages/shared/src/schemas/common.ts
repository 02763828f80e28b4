// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'

export const nonEmptyString = (field: string) =>
  z.string({ error: `${field} must be a string` }).min(1, { error: `${field} must not be empty` })

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
