// Namespace import: lets bundlers drop the parts of zod we never touch (e.g. its locales).
import * as z from 'zod'
import { nonEmptyString, positiveInteger, requireExactlyOne } from './common.js'

// Inputs of the `resources/*` actions (upstream names). Strict, like the read schemas: a typo
// in a field name is refused instead of silently claiming with the defaults.

/** The API's limit on an external id (a teammate's or an API key's id in the app). */
export const RESOURCE_EXTERNAL_ID_MAX_LENGTH = 255
/** The API's limit on a string value in claim metadata. */
export const RESOURCE_METADATA_STRING_MAX_LENGTH = 500

const metadataValueError = `metadata values must be numbers, booleans or strings of at most ${RESOURCE_METADATA_STRING_MAX_LENGTH} characters`

/** Claim metadata: a flat object of strings (≤ 500 characters), numbers and booleans. */
export const resourceClaimMetadataSchema = z.record(
  z.string(),
  z.union(
    [
      z.string().max(RESOURCE_METADATA_STRING_MAX_LENGTH, { error: metadataValueError }),
      z.number(),
      z.boolean(),
    ],
    { error: metadataValueError },
  ),
  { error: 'metadata must be an object' },
)

const externalId = (field: string) =>
  nonEmptyString(field).max(RESOURCE_EXTERNAL_ID_MAX_LENGTH, {
    error: `${field} must be at most ${RESOURCE_EXTERNAL_ID_MAX_LENGTH} characters`,
  })

const nonEmptyList = (field: string, item: z.ZodString) =>
  z
    .array(item, { error: `${field} must be an array of strings` })
    .min(1, { error: `${field} must contain at least one id` })

const subscriptionId = nonEmptyString('subscriptionId').optional()
const resourceSlug = nonEmptyString('resourceSlug')

/** `resources/usages`: every resource of the subscription (default: the only current one). */
export const getResourcesSchema = z.strictObject({ subscriptionId })

/** `resources/usages/retrieve`: one resource, by exactly one of `resourceSlug | resourceId`. */
export const getResourceUsageSchema = z
  .strictObject({
    subscriptionId,
    resourceSlug: resourceSlug.optional(),
    resourceId: nonEmptyString('resourceId').optional(),
  })
  .superRefine(
    requireExactlyOne(
      ['resourceSlug', 'resourceId'],
      'Exactly one of resourceSlug or resourceId must be provided',
    ),
  )

/**
 * `resources/claim`: exactly one of `quantity` (N anonymous claims), `externalId` (one named
 * claim, idempotent) or `externalIds` (several, idempotent per id); `metadata?` on each claim.
 */
export const claimResourceSchema = z
  .strictObject({
    resourceSlug,
    subscriptionId,
    metadata: resourceClaimMetadataSchema.optional(),
    quantity: positiveInteger('quantity').optional(),
    externalId: externalId('externalId').optional(),
    externalIds: nonEmptyList('externalIds', externalId('externalIds item')).optional(),
  })
  .superRefine(
    requireExactlyOne(
      ['quantity', 'externalId', 'externalIds'],
      'Exactly one of quantity, externalId or externalIds must be provided',
    ),
  )

/**
 * `resources/release`: exactly one of `quantity` (the oldest N anonymous claims), `externalId`,
 * `externalIds` or `claimIds` (any claim, anonymous or named).
 */
export const releaseResourceSchema = z
  .strictObject({
    resourceSlug,
    subscriptionId,
    quantity: positiveInteger('quantity').optional(),
    externalId: externalId('externalId').optional(),
    externalIds: nonEmptyList('externalIds', externalId('externalIds item')).optional(),
    claimIds: nonEmptyList('claimIds', nonEmptyString('claimIds item')).optional(),
  })
  .superRefine(
    requireExactlyOne(
      ['quantity', 'externalId', 'externalIds', 'claimIds'],
      'Exactly one of quantity, externalId, externalIds or claimIds must be provided',
    ),
  )

/** `resources/claims`: the active claims, optionally of one resource. */
export const listResourceClaimsSchema = z.strictObject({
  subscriptionId,
  resourceSlug: resourceSlug.optional(),
})
