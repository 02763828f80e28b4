import { badRequest } from '../errors.js'
import type { State } from '../store/state.js'
import type { SubscriptionItemRow, SubscriptionRow } from '../store/types.js'
import { emitSubscriptionEvent } from '../webhooks/domain-events.js'
import type { AdjustmentPlan } from './adjustments.js'
import {
  addSubscriptionItem,
  isItemActive,
  setItemExpiry,
  subscriptionItems,
} from './subscription-items.js'

// A scheduled adjustment is stored as items: the current ones expire at the period end and the
// new ones are added with that `addedDate`, so billing, grants and feature access switch over by
// date alone. `scheduledAdjustmentAt` marks it as pending until then.

/** Schedules the plan's items for the end of the current period. */
export function scheduleAdjustment(
  state: State,
  plan: AdjustmentPlan,
  now: number,
): SubscriptionItemRow[] {
  const { sub } = plan
  const at = plan.period.endDate
  for (const item of plan.current) setItemExpiry(state, item, at, now)
  const added = plan.next.map(({ price, quantity }) =>
    addSubscriptionItem(state, sub, price, quantity, at, now),
  )
  sub.scheduledAdjustmentAt = at
  sub.updatedAt = now
  return added
}

/**
 * Called as a period closes at `at`: a scheduled adjustment due by then takes effect (its items
 * are already in force by date; the subscription's price follows the first of them).
 */
export function applyScheduledAdjustment(state: State, sub: SubscriptionRow, at: number): void {
  const due = sub.scheduledAdjustmentAt ?? null
  if (due === null || due > at) return
  const first = subscriptionItems(state, sub.id).find(
    (item) => item.addedDate === due && isItemActive(item, due),
  )
  if (first?.priceId) sub.priceId = first.priceId
  sub.scheduledAdjustmentAt = null
  sub.updatedAt = at
  emitSubscriptionEvent(state, 'subscription.updated', sub, at)
}

/**
 * Drops a pending adjustment: the scheduled items expire before they start and the current ones
 * stay. Returns how many scheduled items were dropped (0 when none was pending).
 */
export function dropScheduledAdjustment(state: State, sub: SubscriptionRow, now: number): number {
  const due = sub.scheduledAdjustmentAt ?? null
  if (due === null) return 0
  let dropped = 0
  for (const item of subscriptionItems(state, sub.id)) {
    if (item.addedDate === due && item.expiredAt === null) {
      setItemExpiry(state, item, now, now)
      dropped++
    } else if (item.expiredAt === due && item.addedDate < due) {
      setItemExpiry(state, item, null, now)
    }
  }
  sub.scheduledAdjustmentAt = null
  sub.updatedAt = now
  return dropped
}

/** `POST /subscriptions/{id}/cancel-scheduled-adjustment`: 400 when none is pending. */
export function cancelScheduledAdjustment(state: State, sub: SubscriptionRow, now: number): number {
  if ((sub.scheduledAdjustmentAt ?? null) === null) {
    throw badRequest(`Invalid subscription: ${sub.id} has no scheduled adjustment`)
  }
  const canceled = dropScheduledAdjustment(state, sub, now)
  emitSubscriptionEvent(state, 'subscription.updated', sub, now)
  return canceled
}
