import type { ResourceUsage } from '@flowglad/shared/browser'

/** Dev mode's resources (upstream's fixed mocks): billing mocks carry no resource slugs. */
export const devResourceUsages: readonly ResourceUsage[] = [
  {
    resourceSlug: 'seats',
    resourceId: 'dev-resource-seats',
    capacity: 10,
    claimed: 3,
    available: 7,
  },
  {
    resourceSlug: 'api_keys',
    resourceId: 'dev-resource-api-keys',
    capacity: 5,
    claimed: 2,
    available: 3,
  },
]

/** The dev usage of `resourceSlug`; an unknown slug has no capacity. */
export function devResourceUsage(resourceSlug: string): ResourceUsage {
  return (
    devResourceUsages.find((usage) => usage.resourceSlug === resourceSlug) ?? {
      resourceSlug,
      resourceId: `dev-resource-${resourceSlug}`,
      capacity: 0,
      claimed: 0,
      available: 0,
    }
  )
}

/** Dev mode's answers to claim and release: the fixed usage, nothing claimed or released. */
export const devClaimAnswer = (resourceSlug: string) => ({
  claims: [],
  usage: devResourceUsage(resourceSlug),
})
export const devReleaseAnswer = (resourceSlug: string) => ({
  releasedClaims: [],
  usage: devResourceUsage(resourceSlug),
})
