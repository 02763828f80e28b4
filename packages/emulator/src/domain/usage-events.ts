import { badRequest, conflict, notFound } from '../errors.js'
import { newId } from '../ids.js'
import { addPeriodUsage, pair, type State, stableStringify } from '../store/state.js'
import type {
  BillingPeriodRow,
  CustomerRow,
  SubscriptionRow,
  UsageEventRow,
  UsageMeterRow,
  UsagePriceRow,
} from '../store/types.js'
import { findMeterBySlug, meterDefaultPrice } from './catalog.js'
import { debitUsage, ledgerAccount } from './ledger.js'
import { currentPeriod } from './periods.js'
import { syncSubscription } from './subscriptions.js'

/** A usage event as accepted on the wire (after schema validation). */
export interface UsageEventInput {
  subscriptionId: string
  amount: number
  transactionId: string
  usageDate?: number
  properties?: Record<string, unknown> | null
  priceId?: string
  priceSlug?: string
  usageMeterId?: string
  usageMeterSlug?: string
}

interface Resolved {
  input: UsageEventInput
  subscription: SubscriptionRow
  customer: CustomerRow
  meter: UsageMeterRow
  price: UsagePriceRow
  period: BillingPeriodRow | undefined
  properties: Record<string, unknown> | null
}

const suffix = (index: number | undefined) => (index === undefined ? '' : ` (index ${index})`)

function resolvePrice(
  state: State,
  input: UsageEventInput,
  pricingModelId: string,
  at: string,
): { meter: UsageMeterRow; price: UsagePriceRow } {
  const { tables } = state
  if (input.priceId !== undefined || input.priceSlug !== undefined) {
    let price = input.priceId !== undefined ? tables.prices.get(input.priceId) : undefined
    if (input.priceSlug !== undefined) {
      for (const candidate of tables.prices.values()) {
        if (candidate.pricingModelId !== pricingModelId || candidate.slug !== input.priceSlug)
          continue
        if (!price || (candidate.type === 'usage' && candidate.active)) price = candidate
      }
    }
    const label = input.priceId !== undefined ? input.priceId : `with slug ${input.priceSlug}`
    if (!price || price.pricingModelId !== pricingModelId) {
      throw notFound(`Price not found: ${label} (not in customer's pricing model)${at}`)
    }
    if (price.type !== 'usage') {
      throw badRequest(`Invalid priceId: Price ${price.id} is not a usage price${at}`)
    }
    const meter = tables.usageMeters.get(price.usageMeterId)
    if (!meter) throw notFound(`UsageMeter not found: ${price.usageMeterId}${at}`)
    return { meter, price }
  }
  const meter =
    input.usageMeterId !== undefined
      ? tables.usageMeters.get(input.usageMeterId)
      : findMeterBySlug(state, pricingModelId, input.usageMeterSlug ?? '')
  const label = input.usageMeterId ?? `with slug ${input.usageMeterSlug}`
  if (!meter || meter.pricingModelId !== pricingModelId) {
    throw notFound(`UsageMeter not found: ${label} (not in customer's pricing model)${at}`)
  }
  const price = meterDefaultPrice(state, meter.id)
  if (!price) throw notFound(`Price not found: no default price for usage meter ${meter.id}${at}`)
  return { meter, price }
}

/** Looks everything up and runs every check; no writes except period roll-over. */
function resolve(state: State, input: UsageEventInput, now: number, index?: number): Resolved {
  const at = suffix(index)
  const subscription = state.tables.subscriptions.get(input.subscriptionId)
  if (!subscription) throw notFound(`Subscription not found: ${input.subscriptionId}${at}`)
  syncSubscription(state, subscription, now)
  const customer = state.tables.customers.get(subscription.customerId)
  if (!customer) throw notFound(`Customer not found: ${subscription.customerId}${at}`)
  if (customer.archived)
    throw badRequest(`Invalid customer: customer ${customer.id} is archived${at}`)
  const { meter, price } = resolvePrice(state, input, customer.pricingModelId, at)
  const period = currentPeriod(state, subscription, now)
  let properties = input.properties ?? null
  if (meter.aggregationType === 'count_distinct_properties') {
    if (!period) {
      throw badRequest(
        `Invalid billingPeriod: count_distinct_properties meters need a current billing period${at}`,
      )
    }
    if (!properties || Object.keys(properties).length === 0) {
      throw badRequest(
        `Invalid properties: count_distinct_properties meters need non-empty properties${at}`,
      )
    }
    properties ??= {}
  }
  return { input, subscription, customer, meter, price, period, properties }
}

function insert(state: State, r: Resolved, now: number): UsageEventRow {
  const row: UsageEventRow = {
    id: newId('usage_event'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    customerId: r.customer.id,
    subscriptionId: r.subscription.id,
    usageMeterId: r.meter.id,
    billingPeriodId: r.period?.id ?? null,
    amount: r.input.amount,
    usageDate: r.input.usageDate ?? now,
    transactionId: r.input.transactionId,
    priceId: r.price.id,
    properties: r.properties,
    pricingModelId: r.customer.pricingModelId,
  }
  state.tables.usageEvents.set(row.id, row)
  state.indexes.eventByTransaction.set(pair(row.transactionId, row.usageMeterId), row.id)
  let debit = true
  if (r.meter.aggregationType === 'count_distinct_properties' && r.period) {
    const key = pair(r.meter.id, r.period.id)
    let seen = state.indexes.distinctProperties.get(key)
    if (!seen) {
      seen = new Set()
      state.indexes.distinctProperties.set(key, seen)
    }
    const fingerprint = stableStringify(r.properties ?? {})
    debit = !seen.has(fingerprint)
    seen.add(fingerprint)
  }
  if (row.billingPeriodId) {
    const delta =
      r.meter.aggregationType === 'count_distinct_properties' ? (debit ? 1 : 0) : row.amount
    if (delta > 0) addPeriodUsage(state.indexes, row.billingPeriodId, row.priceId, delta)
  }
  if (debit) {
    debitUsage(
      ledgerAccount(state, r.subscription, r.meter.id, now),
      row.amount,
      row.billingPeriodId,
      now,
    )
  }
  return row
}

function existingEvent(
  state: State,
  transactionId: string,
  meterId: string,
): UsageEventRow | undefined {
  const id = state.indexes.eventByTransaction.get(pair(transactionId, meterId))
  return id ? state.tables.usageEvents.get(id) : undefined
}

/**
 * Single create. Synchronous from lookup to insert, so concurrent duplicates cannot both
 * pass the idempotency check. Returns the stored event (new, or the existing duplicate).
 */
export function createUsageEvent(state: State, input: UsageEventInput, now: number): UsageEventRow {
  const resolved = resolve(state, input, now)
  const existing = existingEvent(state, input.transactionId, resolved.meter.id)
  if (existing) {
    if (existing.subscriptionId === resolved.subscription.id) return existing
    throw conflict(
      `UsageEvent conflict: A usage event already exists for transactionid ${input.transactionId}, but does not belong to subscription ${resolved.subscription.id}. Please provide a unique transactionId to create a new usage event.`,
    )
  }
  return insert(state, resolved, now)
}

/**
 * Bulk create: every event is resolved and checked first (all-or-nothing, errors name the
 * index); then new events are inserted and duplicates (stored or repeated in the request)
 * are skipped and left out of the result.
 */
export function bulkCreateUsageEvents(
  state: State,
  inputs: UsageEventInput[],
  now: number,
): UsageEventRow[] {
  const resolved = inputs.map((input, i) => resolve(state, input, now, i))
  const created: UsageEventRow[] = []
  for (const r of resolved) {
    if (existingEvent(state, r.input.transactionId, r.meter.id)) continue
    created.push(insert(state, r, now))
  }
  return created
}

export function requireUsageEvent(state: State, id: string): UsageEventRow {
  const row = state.tables.usageEvents.get(id)
  if (!row) throw notFound(`UsageEvent not found: ${id}`)
  return row
}
