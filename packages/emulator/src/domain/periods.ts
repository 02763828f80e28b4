import { newId } from '../ids.js'
import type { State } from '../store/state.js'
import type { BillingPeriodRow, IntervalUnit, SubscriptionRow } from '../store/types.js'

const DAY = 86_400_000

/**
 * `anchor` moved forward by `count` intervals. Months and years are calendar-based (UTC)
 * and clamp to the end of a shorter month, always measured from the anchor so that
 * periods never drift (Jan 31 → Feb 28 → Mar 31).
 */
export function addInterval(anchor: number, unit: IntervalUnit, count: number): number {
  if (unit === 'day') return anchor + count * DAY
  if (unit === 'week') return anchor + count * 7 * DAY
  const months = unit === 'month' ? count : count * 12
  // Opening period n asks for the ends of periods n - 1 and n: the first was the last answer.
  if (lastMonthly.anchor === anchor && lastMonthly.months === months) return lastMonthly.end
  const parts = anchorParts(anchor)
  const month = parts.month + months
  const lastDay = daysInMonth(parts.year, month)
  const end = Date.UTC(parts.year, month, Math.min(parts.date, lastDay)) + parts.timeOfDay
  lastMonthly.anchor = anchor
  lastMonthly.months = months
  lastMonthly.end = end
  return end
}

/** The last month-based `addInterval` answer (updated in place: no allocation per call). */
const lastMonthly = { anchor: Number.NaN, months: Number.NaN, end: Number.NaN }

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days in month `month` (0-based, may run past 11 or below 0) of `year`, Gregorian (as `Date`). */
function daysInMonth(year: number, month: number): number {
  const yearOffset = Math.floor(month / 12)
  const fullYear = year + yearOffset
  const monthOfYear = month - yearOffset * 12
  const leap = fullYear % 4 === 0 && (fullYear % 100 !== 0 || fullYear % 400 === 0)
  return monthOfYear === 1 && leap ? 29 : (MONTH_DAYS[monthOfYear] as number)
}

interface AnchorParts {
  anchor: number
  year: number
  month: number
  date: number
  /** Milliseconds since the anchor's UTC midnight. */
  timeOfDay: number
}

/** The last anchor taken apart: a subscription's periods all count from the same anchor. */
let lastAnchor: AnchorParts | undefined

function anchorParts(anchor: number): AnchorParts {
  if (lastAnchor?.anchor === anchor) return lastAnchor
  const date = new Date(anchor)
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
  lastAnchor = {
    anchor,
    year: date.getUTCFullYear(),
    month: date.getUTCMonth(),
    date: date.getUTCDate(),
    timeOfDay: anchor - midnight,
  }
  return lastAnchor
}

/**
 * End of the `index`-th period (0-based) of a renewing subscription. A subscription that
 * starts with a trial is anchored at the trial's end: its first period is the trial
 * (start → anchor) and the regular periods count from the anchor.
 */
export function periodEnd(sub: SubscriptionRow, index: number): number {
  const anchor = sub.billingCycleAnchorDate ?? sub.startDate
  const periods = anchor > sub.startDate ? index : index + 1
  return addInterval(anchor, sub.interval ?? 'month', (sub.intervalCount ?? 1) * periods)
}

export function openPeriod(
  state: State,
  sub: SubscriptionRow,
  index: number,
  now: number,
): BillingPeriodRow {
  const startDate = index === 0 ? sub.startDate : periodEnd(sub, index - 1)
  const endDate = periodEnd(sub, index)
  const row: BillingPeriodRow = {
    id: newId('billing_period'),
    subscriptionId: sub.id,
    index,
    startDate,
    endDate,
    status: 'active',
    createdAt: now,
  }
  state.tables.billingPeriods.set(row.id, row)
  state.indexes.currentPeriodBySubscription.set(sub.id, row.id)
  const watermark = state.indexes.nextPeriodEnd
  if (endDate < watermark.at) watermark.at = endDate
  sub.currentBillingPeriodStart = startDate
  sub.currentBillingPeriodEnd = endDate
  return row
}

/** The latest billing period of a subscription, whatever the time. */
export function latestPeriod(state: State, subscriptionId: string): BillingPeriodRow | undefined {
  const id = state.indexes.currentPeriodBySubscription.get(subscriptionId)
  return id ? state.tables.billingPeriods.get(id) : undefined
}

/**
 * The period current at `now` (start ≤ now < end) of a subscription that is not canceled,
 * or undefined. Callers sync the subscription first (see `syncSubscription`).
 */
export function currentPeriod(
  state: State,
  sub: SubscriptionRow,
  now: number,
): BillingPeriodRow | undefined {
  if (sub.status === 'canceled') return undefined
  const period = latestPeriod(state, sub.id)
  if (!period || period.startDate > now || now >= period.endDate) return undefined
  return period
}
