import { badRequest, EmulatorError, notFound } from '../errors.js'
import type { State } from '../store/state.js'
import type {
  BillingPeriodRow,
  SubscriptionItemRow,
  SubscriptionPriceRow,
  SubscriptionRow,
} from '../store/types.js'
import { emitSubscriptionEvent } from '../webhooks/domain-events.js'
import { findPriceBySlug } from './catalog.js'
import { customerPaymentMethods } from './payment-methods.js'
import { currentPeriod } from './periods.js'
import { invoiceProration } from './proration.js'
import { checkCapacityForItems } from './resource-claims.js'
import { scheduleAdjustment } from './scheduled-adjustments.js'
import {
  activeItems,
  addSubscriptionItem,
  issueItemGrants,
  setItemExpiry,
} from './subscription-items.js'
import { isCurrent, subscriptionView } from './subscriptions.js'

export type AdjustmentTiming = 'immediately' | 'at_end_of_current_billing_period'

/** The `adjustment` of an adjust or preview request, as parsed by the route. */
export interface AdjustmentRequest {
  timing: AdjustmentTiming | 'auto'
  newSubscriptionItems: { priceId?: string | null; priceSlug?: string; quantity: number }[]
  prorateCurrentBillingPeriod?: boolean
}

export interface NewItem {
  price: SubscriptionPriceRow
  quantity: number
}

/** Everything an adjustment would do, worked out without changing anything. */
export interface AdjustmentPlan {
  sub: SubscriptionRow
  period: BillingPeriodRow
  current: SubscriptionItemRow[]
  next: NewItem[]
  /** Σ unitPrice × quantity per billing period, before and after. */
  currentTotal: number
  newTotal: number
  /** The new per-period total is higher. Equal totals (a lateral move) are not upgrades. */
  isUpgrade: boolean
  timing: AdjustmentTiming
  /** Charged now: the price difference for the rest of the period (0 for downgrades). */
  prorationAmount: number
  effectiveDate: number
  /** Share of the period already elapsed at `now` (0–1). */
  percentThrough: number
}

/** 400 for a subscription Flowglad does not adjust (hosted rules: see the README). */
function checkAdjustable(sub: SubscriptionRow): void {
  const what = `Invalid subscription: ${sub.id}`
  if (!isCurrent(sub)) throw badRequest(`${what} is ${sub.status} and cannot be adjusted`)
  if (sub.status === 'cancellation_scheduled') {
    throw badRequest(`${what} is scheduled to cancel; uncancel it before adjusting`)
  }
  if (sub.isFreePlan) {
    throw badRequest(
      `${what} is a free plan and cannot be adjusted; create a subscription for a paid price instead`,
    )
  }
  if (sub.doNotCharge)
    throw badRequest(`${what} is not charged (doNotCharge) and cannot be adjusted`)
  if ((sub.scheduledAdjustmentAt ?? null) !== null) {
    throw badRequest(
      `${what} already has a scheduled adjustment; cancel it first (cancel-scheduled-adjustment)`,
    )
  }
}

function resolvePrice(
  state: State,
  sub: SubscriptionRow,
  ref: AdjustmentRequest['newSubscriptionItems'][number],
  index: number,
): SubscriptionPriceRow {
  const price = ref.priceId
    ? state.tables.prices.get(ref.priceId)
    : findPriceBySlug(state, sub.pricingModelId, ref.priceSlug ?? '')
  const name = ref.priceId ?? `with slug ${ref.priceSlug}`
  if (!price || price.pricingModelId !== sub.pricingModelId) {
    throw notFound(`Price not found: ${name} (newSubscriptionItems index ${index})`)
  }
  const where = `Invalid newSubscriptionItems: price ${price.id} (index ${index})`
  if (price.type !== 'subscription') throw badRequest(`${where} is a ${price.type} price`)
  if (!price.active) throw badRequest(`${where} is not active`)
  if (price.intervalUnit !== sub.interval || price.intervalCount !== sub.intervalCount) {
    throw badRequest(
      `${where} bills every ${price.intervalCount} ${price.intervalUnit}, the subscription every ${sub.intervalCount} ${sub.interval}`,
    )
  }
  return price
}

const total = (items: { unitPrice: number; quantity: number }[]) =>
  items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0)

/** The items as a sorted list of `price × quantity`, to spot a request that changes nothing. */
const itemsKey = (items: { priceId: string | null; quantity: number }[]) =>
  items
    .map((item) => `${item.priceId}×${item.quantity}`)
    .sort()
    .join(',')

/**
 * Works out an adjustment of `sub` (already synced to `now`): 404 for an unknown price, 400 for
 * a subscription or request Flowglad refuses. Changes nothing.
 */
export function planAdjustment(
  state: State,
  sub: SubscriptionRow,
  request: AdjustmentRequest,
  now: number,
): AdjustmentPlan {
  checkAdjustable(sub)
  const period = currentPeriod(state, sub, now)
  if (!period) throw badRequest(`Invalid subscription: ${sub.id} has no current billing period`)
  const next = request.newSubscriptionItems.map((ref, index) => ({
    price: resolvePrice(state, sub, ref, index),
    quantity: ref.quantity,
  }))
  // Fewer seats than are claimed: the app must release claims first (both timings).
  checkCapacityForItems(state, sub, next)
  const current = activeItems(state, sub, now)
  const nextAsItems = next.map(({ price, quantity }) => ({
    priceId: price.id,
    unitPrice: price.unitPrice,
    quantity,
  }))
  if (itemsKey(current) === itemsKey(nextAsItems)) {
    throw badRequest('Invalid newSubscriptionItems: the subscription already has these items')
  }
  const currentTotal = total(current)
  const newTotal = total(nextAsItems)
  const isUpgrade = newTotal > currentTotal
  // `auto`: upgrades now, downgrades and lateral moves at the period end.
  const auto: AdjustmentTiming = isUpgrade ? 'immediately' : 'at_end_of_current_billing_period'
  const timing = request.timing === 'auto' ? auto : request.timing
  if (timing === 'at_end_of_current_billing_period' && isUpgrade) {
    throw badRequest(
      'Invalid timing: at_end_of_current_billing_period is only for downgrades; use immediately or auto for an upgrade',
    )
  }
  const length = period.endDate - period.startDate
  const remaining = (period.endDate - now) / length
  const prorate = timing === 'immediately' && request.prorateCurrentBillingPeriod !== false
  return {
    sub,
    period,
    current,
    next,
    currentTotal,
    newTotal,
    isUpgrade,
    timing,
    prorationAmount: prorate ? Math.max(0, Math.round((newTotal - currentTotal) * remaining)) : 0,
    effectiveDate: timing === 'immediately' ? now : period.endDate,
    percentThrough: 1 - remaining,
  }
}

/** Replaces the items now: new grants for the current period, and the proration invoice. */
function applyNow(state: State, plan: AdjustmentPlan, now: number): SubscriptionItemRow[] {
  const { sub, period } = plan
  for (const item of plan.current) setItemExpiry(state, item, now, now)
  const added = plan.next.map(({ price, quantity }) =>
    addSubscriptionItem(state, sub, price, quantity, now, now),
  )
  for (const item of added) issueItemGrants(state, sub, item, period.id, false, now)
  if (plan.prorationAmount > 0) invoiceProration(state, plan, added, now)
  sub.priceId = plan.next[0]?.price.id ?? sub.priceId
  sub.updatedAt = now
  return added
}

/** `POST /subscriptions/{id}/adjust`: applies or schedules the adjustment. */
export function adjustSubscription(
  state: State,
  sub: SubscriptionRow,
  request: AdjustmentRequest,
  now: number,
) {
  const plan = planAdjustment(state, sub, request, now)
  const items =
    plan.timing === 'immediately'
      ? applyNow(state, plan, now)
      : scheduleAdjustment(state, plan, now)
  emitSubscriptionEvent(state, 'subscription.updated', sub, now)
  return {
    subscription: subscriptionView(sub),
    subscriptionItems: items,
    isUpgrade: plan.isUpgrade,
    resolvedTiming: plan.timing,
  }
}

const previewItem = (item: { name: string | null; priceId: string | null }) => ({
  name: item.name ?? '',
  priceId: item.priceId ?? '',
})

/** The customer's default card as the preview names it. */
function previewPaymentMethod(state: State, customerId: string) {
  const card = customerPaymentMethods(state, customerId).find((method) => method.default)
  if (!card) return undefined
  const { brand, last4 } = card.paymentMethodData
  return {
    id: card.id,
    type: card.type,
    ...(typeof last4 === 'string' ? { last4 } : {}),
    ...(typeof brand === 'string' ? { brand } : {}),
  }
}

/**
 * `POST /subscriptions/{id}/preview-adjust`: what `adjust` would do, changing nothing. A refusal
 * that `adjust` answers with a 400 message is `canAdjust: false` with that message as `reason`;
 * unknown prices stay 404.
 */
export function previewAdjustment(
  state: State,
  sub: SubscriptionRow,
  request: AdjustmentRequest,
  now: number,
) {
  let plan: AdjustmentPlan
  try {
    plan = planAdjustment(state, sub, request, now)
  } catch (error) {
    if (!(error instanceof EmulatorError) || error.code !== 'BAD_REQUEST') throw error
    return { canAdjust: false, reason: error.message, previewGeneratedAt: now }
  }
  const paymentMethod = previewPaymentMethod(state, sub.customerId)
  return {
    canAdjust: true,
    previewGeneratedAt: now,
    prorationAmount: plan.prorationAmount,
    currentPlanTotal: plan.currentTotal,
    newPlanTotal: plan.newTotal,
    resolvedTiming: plan.timing,
    effectiveDate: plan.effectiveDate,
    isUpgrade: plan.isUpgrade,
    percentThroughBillingPeriod: plan.percentThrough,
    billingPeriodEnd: plan.period.endDate,
    ...(paymentMethod ? { paymentMethod } : {}),
    currentSubscriptionItems: plan.current.map((item) => ({
      ...previewItem(item),
      unitPrice: item.unitPrice,
      quantity: item.quantity,
    })),
    newSubscriptionItems: plan.next.map(({ price, quantity }) => ({
      ...previewItem({ name: price.name, priceId: price.id }),
      unitPrice: price.unitPrice,
      quantity,
    })),
  }
}
