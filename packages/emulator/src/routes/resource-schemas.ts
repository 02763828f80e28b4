import * as z from 'zod'

// Bodies of `/resources` and `/resource-claims/{sub}/...`, as the OpenAPI document has them.

/** Most claims one request may create or name (each claim is a row). */
export const MAX_CLAIMS_PER_REQUEST = 1000

const claimMetadata = z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()]))
const externalId = z.string().min(1).max(255)
const count = z.number().int().positive().max(MAX_CLAIMS_PER_REQUEST)
const idList = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_CLAIMS_PER_REQUEST)

export const resourceCreateBody = z.object({
  resource: z.object({
    slug: z.string().min(1).max(255),
    name: z.string().min(1).max(255),
    active: z.boolean().optional(),
    // Not in the document's insert schema; the default pricing model when absent.
    pricingModelId: z.string().optional(),
  }),
})

export const resourceUpdateBody = z.object({
  resource: z.object({
    id: z.string(),
    slug: z.string().min(1).max(255).optional(),
    name: z.string().min(1).max(255).optional(),
    active: z.boolean().optional(),
  }),
})

/** Adds an issue unless exactly one of `keys` is present in `body`. */
function exactlyOne(keys: readonly string[]) {
  return (body: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const given = keys.filter((key) => body[key] !== undefined)
    if (given.length === 1) return
    ctx.addIssue({
      code: 'custom',
      path: given.length === 0 ? [] : [given[1] as string],
      message: `Exactly one of ${keys.join(', ')} must be provided`,
    })
  }
}

export const claimBody = z
  .object({
    resourceSlug: z.string().min(1),
    metadata: claimMetadata.nullable().optional(),
    quantity: count.optional(),
    externalId: externalId.optional(),
    externalIds: idList(externalId).optional(),
  })
  .superRefine(exactlyOne(['quantity', 'externalId', 'externalIds']))

export const releaseBody = z
  .object({
    resourceSlug: z.string().min(1),
    quantity: count.optional(),
    externalId: externalId.optional(),
    externalIds: idList(externalId).optional(),
    claimIds: idList(z.string().min(1)).optional(),
  })
  .superRefine(exactlyOne(['quantity', 'externalId', 'externalIds', 'claimIds']))
