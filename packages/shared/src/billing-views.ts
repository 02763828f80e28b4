import type { CustomerDetails, FeatureAccessItem, ListPageParams } from './route-types.js'
import type { Customer, SubscriptionDetails } from './types.js'

// Pure views of the billing object, as the read routes answer them; zod-free, so the browser
// (dev-mode mocks) and the server share one definition.

/** Toggle features of the given subscriptions (or only `subscriptionId`), once per slug. */
export function featureAccessItems(
  subscriptions: readonly SubscriptionDetails[] | undefined,
  subscriptionId?: string,
): FeatureAccessItem[] {
  const bySlug = new Map<string, FeatureAccessItem>()
  for (const subscription of subscriptions ?? []) {
    if (subscriptionId !== undefined && subscription.id !== subscriptionId) continue
    for (const item of subscription.experimental?.featureItems ?? []) {
      if (item.type !== 'toggle' || bySlug.has(item.slug)) continue
      bySlug.set(item.slug, {
        id: item.id,
        livemode: item.livemode,
        slug: item.slug,
        name: item.name,
      })
    }
  }
  return [...bySlug.values()]
}

const isoDate = (value: unknown): string =>
  typeof value === 'number' ? new Date(value).toISOString() : String(value)

/** The customer as `customerDetails` sends it: a few fields, dates as ISO strings. */
export function customerDetailsOf(customer: Customer): CustomerDetails {
  return {
    id: customer.id,
    livemode: customer.livemode,
    email: customer.email,
    name: customer.name ?? null,
    externalId: customer.externalId ?? null,
    createdAt: isoDate(customer.createdAt),
    updatedAt: isoDate(customer.updatedAt),
  }
}

/**
 * The items after the one whose id is `startingAfter` (an id that matches nothing: from the
 * start, as upstream), then at most `limit` of them.
 */
export function pageAfter<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  params: ListPageParams = {},
): T[] {
  const { startingAfter, limit } = params
  // findIndex's -1 (no match) makes this 0: from the start.
  const start =
    startingAfter === undefined ? 0 : items.findIndex((item) => idOf(item) === startingAfter) + 1
  const rest = items.slice(start)
  return limit === undefined ? rest : rest.slice(0, limit)
}
