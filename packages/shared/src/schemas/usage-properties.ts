// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'
import { plainJsonProperties } from './refinements.js'

export {
  type UsagePropertiesProblem,
  usagePropertiesLimits,
  validateUsageProperties,
} from './usage-properties-check.js'

/** `properties` of a usage event: an object of plain JSON values within the limits. */
export const usagePropertiesSchema = z
  .record(z.string(), z.unknown(), { error: 'properties must be an object' })
  .superRefine(plainJsonProperties())
