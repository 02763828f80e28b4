import { badRequest, notFound } from '../errors.js'
import { newId } from '../ids.js'
import { forEachByIndex, pushIndex, rowsByIndex, type State } from '../store/state.js'
import type {
  BillingPeriodRow,
  CustomerRow,
  Metadata,
  PriceRow,
  SubscriptionItemRow,
  SubscriptionRow,
  SubscriptionStatus,
} from '../store/types.js'
import { emitSubscriptionEvent } from '../webhooks/domain-events.js'
import { invoicePeriod, invoicePeriodInAdvance } from './invoices.js'
import { expirePeriodGrants } from './ledger.js'
import { defaultPaymentMethodId } from './payments.js'
import { currentPeriod, latestPeriod, openPeriod, periodEnd } from './periods.js'
import { expireSubscriptionClaims } from './resource-claim-expiry.js'
import { applyScheduledAdjustment, dropScheduledAdjustment } from './scheduled-adjustments.js'
import { addSubscriptionItem, issueItemGrants } from './subscription-items.js'

const CURRENT_STATUSES = new Set<SubscriptionStatus>([
  'active',
  'past_due',
  'trialing',
  'cancellation_scheduled',
  'unpaid',
  'credit_trial',
])

export function isCurrent(sub: SubscriptionRow): boolean {
  return CURRENT_STATUSES.has(sub.status) && sub.cancellationReason !== 'upgraded_to_paid'
}

/**
 * Whether `a` wins over `b` as a customer's `currentSubscription`: the newest `createdAt`,
 * then the newest `updatedAt`, then the greater id.
 */
export function isNewerSubscription(
  a: Pick<SubscriptionRow, 'createdAt' | 'updatedAt' | 'id'>,
  b: Pick<SubscriptionRow, 'createdAt' | 'updatedAt' | 'id'>,
): boolean {
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt
  return a.id > b.id
}

/** The wire shape: the row plus the derived `current` flag. */
export function subscriptionView(sub: SubscriptionRow) {
  return { ...sub, current: isCurrent(sub) }
}

export function requireSubscription(state: State, id: string, now: number): SubscriptionRow {
  const sub = state.tables.subscriptions.get(id)
  if (!sub) throw notFound(`Subscription not found: ${id}`)
  syncSubscription(state, sub, now)
  return sub
}

export { itemFeatures, subscriptionItems } from './subscription-items.js'

/** Issues the usage-credit grants of the subscription's active items for a new period. */
function issueGrants(
  state: State,
  sub: SubscriptionRow,
  periodId: string,
  first: boolean,
  at: number,
) {
  const { itemsBySubscription } = state.indexes
  forEachByIndex(state.tables.subscriptionItems, itemsBySubscription, sub.id, (item) => {
    issueItemGrants(state, sub, item, periodId, first, at)
  })
}

const DAY_MS = 86_400_000

/**
 * Subscriptions that began with a trial bill their recurring price at each period's start
 * (the hosted API's rule), so the first charge is when the trial ends; the others bill it
 * with the period's usage when the period closes.
 */
const billsInAdvance = (sub: SubscriptionRow): boolean => sub.trialEnd !== null

/**
 * The status a trial ends in: `active` when there is a card to charge (the subscription's or
 * the customer's default), else `past_due` (the hosted API's `trial_ended` is not a status
 * its documents list).
 */
function statusAfterTrial(state: State, sub: SubscriptionRow): SubscriptionStatus {
  const card = sub.defaultPaymentMethodId ?? defaultPaymentMethodId(state, sub.customerId)
  return card ? 'active' : 'past_due'
}

/**
 * Closes a period: invoices its usage (and the recurring price on a regular close), settles
 * billed usage, then expires what is left of the period's grants.
 */
function closePeriod(
  state: State,
  sub: SubscriptionRow,
  period: BillingPeriodRow,
  at: number,
  recurring: boolean,
): void {
  period.status = 'completed'
  invoicePeriod(state, sub, period, { at, recurring })
  expirePeriodGrants(state, sub.id, period.id, at)
}

/**
 * Brings a subscription up to `now`: closes every period that has ended (expiring its
 * grants), applies a scheduled cancellation, and opens the next periods with their grants.
 */
export function syncSubscription(state: State, sub: SubscriptionRow, now: number): void {
  if (!sub.renews || sub.status === 'canceled') return
  let period = latestPeriod(state, sub.id)
  while (period && now >= period.endDate) {
    closePeriod(state, sub, period, period.endDate, !billsInAdvance(sub))
    if (sub.status === 'cancellation_scheduled' && (sub.cancelScheduledAt ?? 0) <= period.endDate) {
      sub.status = 'canceled'
      sub.canceledAt = sub.cancelScheduledAt
      dropScheduledAdjustment(state, sub, period.endDate)
      expireSubscriptionClaims(state, sub.id, period.endDate)
      emitSubscriptionEvent(state, 'subscription.canceled', sub, period.endDate)
      sub.updatedAt = period.endDate
      return
    }
    applyScheduledAdjustment(state, sub, period.endDate)
    if (sub.status === 'trialing' && sub.trialEnd !== null && sub.trialEnd <= period.endDate) {
      sub.status = statusAfterTrial(state, sub)
      sub.updatedAt = period.endDate
      emitSubscriptionEvent(state, 'subscription.updated', sub, period.endDate)
    }
    const next = openPeriod(state, sub, period.index + 1, period.endDate)
    issueGrants(state, sub, next.id, false, next.startDate)
    if (billsInAdvance(sub)) invoicePeriodInAdvance(state, sub, next)
    period = next
  }
}

/**
 * What an `activate_subscription` checkout does once the card is saved. A trial in progress
 * ends now: its period closes now, the billing cycle restarts from now and the first paid
 * period is charged at once (as at a trial's end). Otherwise (a `past_due` trial that ended
 * without a card, for one) the subscription just becomes `active`.
 */
export function activateSubscription(state: State, sub: SubscriptionRow, now: number): void {
  const period = currentPeriod(state, sub, now)
  const inTrial = sub.status === 'trialing' && sub.trialEnd !== null && sub.trialEnd > now
  if (inTrial && period) {
    sub.billingCycleAnchorDate = now
    sub.trialEnd = now
    sub.status = 'active'
    if (period.startDate === now) {
      // Nothing of the trial has elapsed: its period becomes the first regular one.
      period.endDate = periodEnd(sub, period.index)
      sub.currentBillingPeriodEnd = period.endDate
      invoicePeriodInAdvance(state, sub, period)
    } else {
      period.endDate = now
      closePeriod(state, sub, period, now, false)
      const next = openPeriod(state, sub, period.index + 1, now)
      issueGrants(state, sub, next.id, false, now)
      invoicePeriodInAdvance(state, sub, next)
    }
  } else {
    if (sub.status !== 'cancellation_scheduled') sub.status = 'active'
    if (sub.trialEnd !== null && sub.trialEnd > now) sub.trialEnd = now
  }
  sub.updatedAt = now
}

export interface CreateSubscriptionInput {
  customer: CustomerRow
  price: PriceRow
  quantity?: number
  name?: string
  metadata?: Metadata | null
  startDate?: number
  trialEnd?: number
  interval?: SubscriptionRow['interval']
  intervalCount?: number
  defaultPaymentMethodId?: string | null
  backupPaymentMethodId?: string | null
  doNotCharge?: boolean
}

export function createSubscription(
  state: State,
  now: number,
  input: CreateSubscriptionInput,
): { subscription: SubscriptionRow; subscriptionItems: SubscriptionItemRow[] } {
  const { customer, price } = input
  if (price.type === 'usage') {
    throw badRequest(`Invalid priceId: Price ${price.id} is a usage price`)
  }
  if (price.type === 'single_payment') {
    throw badRequest(`Invalid priceId: Price ${price.id} is a single payment price`)
  }
  if (price.pricingModelId !== customer.pricingModelId) {
    throw notFound(`Price not found: ${price.id} (not in customer's pricing model)`)
  }
  const product = state.tables.products.get(price.productId)
  const isFreePlan = price.unitPrice === 0
  const startDate = input.startDate ?? now
  // The price's trial applies unless the caller set `trialEnd` (as the hosted API documents).
  const trialDays = isFreePlan ? 0 : (price.trialPeriodDays ?? 0)
  const trialEnd = input.trialEnd ?? (trialDays > 0 ? startDate + trialDays * DAY_MS : undefined)
  const trialing = trialEnd !== undefined && trialEnd > now
  const sub: SubscriptionRow = {
    id: newId('sub'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    startDate,
    customerId: customer.id,
    organizationId: state.organizationId,
    status: trialing ? 'trialing' : 'active',
    defaultPaymentMethodId: input.defaultPaymentMethodId ?? null,
    backupPaymentMethodId: input.backupPaymentMethodId ?? null,
    trialEnd: trialEnd ?? null,
    currentBillingPeriodStart: null,
    currentBillingPeriodEnd: null,
    metadata: input.metadata ?? null,
    canceledAt: null,
    cancelScheduledAt: null,
    cancellationReason: null,
    replacedBySubscriptionId: null,
    isFreePlan,
    doNotCharge: input.doNotCharge ?? false,
    priceId: price.id,
    runBillingAtPeriodStart: true,
    interval: input.interval ?? price.intervalUnit,
    intervalCount: input.intervalCount ?? price.intervalCount,
    // A trial is its own first period; the billing cycle starts when it ends.
    billingCycleAnchorDate: trialEnd !== undefined && trialEnd > startDate ? trialEnd : startDate,
    name: input.name ?? `${product?.name ?? price.name ?? 'Plan'} Subscription`,
    renews: true,
    pricingModelId: customer.pricingModelId,
    scheduledAdjustmentAt: null,
  }
  // A paid subscription replaces the customer's current free plan(s).
  if (!isFreePlan) {
    const { subscriptions } = state.tables
    for (const other of rowsByIndex(
      subscriptions,
      state.indexes.subscriptionsByCustomer,
      customer.id,
    )) {
      if (!other.isFreePlan || !isCurrent(other)) continue
      syncSubscription(state, other, now)
      other.cancellationReason = 'upgraded_to_paid'
      other.replacedBySubscriptionId = sub.id
      forceCancel(state, other, now)
    }
  }
  state.tables.subscriptions.set(sub.id, sub)
  pushIndex(state.indexes.subscriptionsByCustomer, customer.id, sub.id)

  const item = addSubscriptionItem(state, sub, price, input.quantity ?? 1, startDate, now)
  const first = openPeriod(state, sub, 0, now)
  issueGrants(state, sub, first.id, true, startDate)
  syncSubscription(state, sub, now)
  emitSubscriptionEvent(state, 'subscription.created', sub, now)
  return { subscription: sub, subscriptionItems: [item] }
}

/** Cancels now, free plans included (used when a customer is archived). */
export function forceCancel(state: State, sub: SubscriptionRow, now: number): void {
  syncSubscription(state, sub, now)
  const period = currentPeriod(state, sub, now)
  if (period) closePeriod(state, sub, period, now, false)
  sub.status = 'canceled'
  sub.canceledAt = now
  sub.cancelScheduledAt = null
  sub.cancellationReason = sub.cancellationReason ?? 'customer_archived'
  dropScheduledAdjustment(state, sub, now)
  expireSubscriptionClaims(state, sub.id, now)
  emitSubscriptionEvent(state, 'subscription.canceled', sub, now)
  sub.updatedAt = now
}

export function cancelSubscription(
  state: State,
  sub: SubscriptionRow,
  timing: 'at_end_of_current_billing_period' | 'immediately',
  now: number,
): SubscriptionRow {
  if (sub.status === 'canceled' || sub.status === 'incomplete_expired') return sub
  if (sub.isFreePlan) {
    throw badRequest('Invalid subscription: a free plan cannot be canceled')
  }
  if (timing === 'immediately') {
    sub.cancellationReason = sub.cancellationReason ?? 'customer_request'
    forceCancel(state, sub, now)
  } else {
    const period = currentPeriod(state, sub, now)
    if (!period) throw notFound(`BillingPeriod not found: no current billing period for ${sub.id}`)
    sub.status = 'cancellation_scheduled'
    sub.cancelScheduledAt = period.endDate
    sub.cancellationReason = sub.cancellationReason ?? 'customer_request'
    sub.updatedAt = now
    emitSubscriptionEvent(state, 'subscription.updated', sub, now)
  }
  return sub
}

export function uncancelSubscription(sub: SubscriptionRow, now: number): SubscriptionRow {
  if (sub.status !== 'cancellation_scheduled') return sub
  sub.status = sub.trialEnd !== null && sub.trialEnd > now ? 'trialing' : 'active'
  sub.cancelScheduledAt = null
  sub.cancellationReason = null
  sub.updatedAt = now
  return sub
}

export function customerSubscriptions(
  state: State,
  customerId: string,
  now: number,
): SubscriptionRow[] {
  const subs = rowsByIndex(
    state.tables.subscriptions,
    state.indexes.subscriptionsByCustomer,
    customerId,
  )
  for (const sub of subs) syncSubscription(state, sub, now)
  return subs
}

/**
 * Closes every billing period that has ended by `now`, for every subscription (several per
 * subscription if needed). Cheap when nothing is due: `nextPeriodEnd` bounds the earliest close.
 */
export function closeDuePeriods(state: State, now: number): void {
  const watermark = state.indexes.nextPeriodEnd
  if (now < watermark.at) return
  watermark.at = Number.POSITIVE_INFINITY
  for (const sub of state.tables.subscriptions.values()) {
    syncSubscription(state, sub, now)
    const period = latestPeriod(state, sub.id)
    if (period?.status === 'active' && period.endDate < watermark.at) watermark.at = period.endDate
  }
}
