import { forEachByIndex, type State } from '../store/state.js'
import type { ResourceClaimRow } from '../store/types.js'

/** Held: neither released by the app nor expired with its subscription. */
export const isClaimActive = (claim: ResourceClaimRow): boolean =>
  claim.releasedAt === null && claim.expiredAt === null

/**
 * A subscription that ends (canceled, replaced by a paid plan, customer archived) gives its
 * capacity back: every claim it still holds expires at `at`. Claims never move to another
 * subscription.
 */
export function expireSubscriptionClaims(state: State, subscriptionId: string, at: number): void {
  const { resourceClaims } = state.tables
  forEachByIndex(resourceClaims, state.indexes.claimsBySubscription, subscriptionId, (claim) => {
    if (!isClaimActive(claim)) return
    claim.expiredAt = at
    claim.updatedAt = at
  })
}
