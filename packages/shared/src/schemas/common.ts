// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'
import { requireExactlyOne } from './refinements.js'

// Refinements live in ./refinements.ts (zod-free, so compiled validators can reuse them).
export { requireExactlyOne }

export const nonEmptyString = (field: string) =>
  z.string({ error: `${field} must be a string` }).min(1, { error: `${field} must not be empty` })

/** An integer > 0; every way to miss (wrong type, NaN, 0, -1, 1.5) gets the same message. */
export const positiveInteger = (field: string) => {
  const error = `${field} must be a positive integer`
  return z.number({ error }).int({ error }).positive({ error })
}

/** The price rule shared by product checkout and subscription creation. */
export const exactlyOnePrice = requireExactlyOne(
  ['priceId', 'priceSlug'],
  'Exactly one of priceId or priceSlug must be provided',
)
