/** The four ways to name what a usage event is charged against; exactly one must be given. */
export const usageEventIdentifierFields = [
  'priceId',
  'priceSlug',
  'usageMeterId',
  'usageMeterSlug',
] as const

export type UsageEventIdentifierField = (typeof usageEventIdentifierFields)[number]

export const usageEventIdentifierMessage =
  'Exactly one of priceId, priceSlug, usageMeterId, or usageMeterSlug must be provided'

/** Plain-code identifier rule (no zod), for browsers: returns the fields that are set. */
export function presentUsageEventIdentifiers(input: object): UsageEventIdentifierField[] {
  const record = input as Record<string, unknown>
  return usageEventIdentifierFields.filter((field) => record[field] !== undefined)
}

/** Null when the input names exactly one identifier, else the error message. */
export function checkUsageEventIdentifier(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return usageEventIdentifierMessage
  const present = presentUsageEventIdentifiers(input)
  if (present.length !== 1) return usageEventIdentifierMessage
  const value = (input as Record<string, unknown>)[present[0] as string]
  return typeof value === 'string' && value.length > 0
    ? null
    : `${present[0]} must be a non-empty string`
}
