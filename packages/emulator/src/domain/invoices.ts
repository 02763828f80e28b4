import { notFound } from '../errors.js'
import { newId } from '../ids.js'
import {
  forEachByIndex,
  indexPendingLineItems,
  pushIndex,
  rowsByIndex,
  type State,
} from '../store/state.js'
import type {
  BillingPeriodRow,
  InvoiceLineItemRow,
  InvoiceRow,
  SubscriptionRow,
  UsagePriceRow,
} from '../store/types.js'
import { availableBalance, findLedgerAccount, settleUsage } from './ledger.js'
import { chargeInvoice, defaultPaymentMethodId } from './payments.js'

export interface CloseOptions {
  /** When the period is closed (its end, or "now" for an early close). */
  at: number
  /** Bill the subscription's recurring price too (not on early closes). */
  recurring: boolean
}

interface LineBase {
  createdAt: number
  updatedAt: number
  livemode: boolean
  invoiceId: string
  pricingModelId: string
}

interface UsageLine {
  price: UsagePriceRow
  aggregate: number
}

/** Usage aggregates of a period, grouped by meter in first-seen order. */
function usageByMeter(state: State, periodId: string): Map<string, UsageLine[]> | undefined {
  const usage = state.indexes.usageByPeriod.get(periodId)
  if (!usage) return undefined
  const out = new Map<string, UsageLine[]>()
  for (const [priceId, aggregate] of usage) {
    const price = state.tables.prices.get(priceId)
    if (!price || price.type !== 'usage' || aggregate <= 0) continue
    const lines = out.get(price.usageMeterId)
    if (lines) lines.push({ price, aggregate })
    else out.set(price.usageMeterId, [{ price, aggregate }])
  }
  return out
}

export function invoiceNumber(state: State, customerId: string): string {
  const customer = state.tables.customers.get(customerId)
  const base = customer?.invoiceNumberBase ?? customerId.slice(-6).toUpperCase()
  const count = (state.indexes.invoicesByCustomer.get(customerId)?.length ?? 0) + 1
  return `${base}-${String(count).padStart(4, '0')}`
}

/**
 * Days already formatted. Periods of subscriptions that started together share their bounds,
 * so a long clock move asks for the same few hundred days over and over.
 */
const formattedDays = new Map<number, string>()
const FORMATTED_DAYS_LIMIT = 4096

/**
 * The UTC calendar day of an instant, as `YYYY-MM-DD` (for line descriptions). Memoised: a
 * long clock move formats two per closed period.
 */
export function day(ms: number): string {
  let text = formattedDays.get(ms)
  if (text === undefined) {
    text = new Date(ms).toISOString().slice(0, 10)
    if (formattedDays.size >= FORMATTED_DAYS_LIMIT) formattedDays.clear()
    formattedDays.set(ms, text)
  }
  return text
}

interface PeriodDescription {
  name: string
  endDate: number
  text: string
}

/** Descriptions already built, by period start (subscriptions started together share them). */
const periodDescriptions = new Map<number, PeriodDescription>()

/**
 * `<name> (<start day> – <end day>)`, the description of a recurring line. Memoised so that
 * periods with the same name and bounds share one flat string instead of a rope each.
 */
function periodDescription(name: string, startDate: number, endDate: number): string {
  const cached = periodDescriptions.get(startDate)
  if (cached !== undefined && cached.name === name && cached.endDate === endDate) return cached.text
  const text = `${name} (${day(startDate)} – ${day(endDate)})`
  if (periodDescriptions.size >= FORMATTED_DAYS_LIMIT) periodDescriptions.clear()
  periodDescriptions.set(startDate, { name, endDate, text })
  return text
}

/**
 * The usage line items of one meter. Credits available for the period (balance before this
 * period's usage, never below 0) cover usage first, in price order; what is left is billed as
 * `ceil(billed / usageEventsPerUnit)` units. The ledger overage is then settled so the next
 * period starts from a zero balance rather than carrying the billed debt.
 */
function meterLines(
  state: State,
  sub: SubscriptionRow,
  period: BillingPeriodRow,
  meterId: string,
  lines: UsageLine[],
  base: LineBase,
  at: number,
): InvoiceLineItemRow[] {
  const account = findLedgerAccount(state, sub.id, meterId)
  const meter = state.tables.usageMeters.get(meterId)
  let credit = 0
  if (account) {
    const periodDebits = account.periodBillingPeriodId === period.id ? account.periodDebits : 0
    credit = Math.max(0, availableBalance(account) + periodDebits)
    const overage = -availableBalance(account)
    if (overage > 0) settleUsage(state, account, overage, period.id, at)
  }
  const out: InvoiceLineItemRow[] = []
  for (const { price, aggregate } of lines) {
    const covered = Math.min(aggregate, credit)
    credit -= covered
    const billed = aggregate - covered
    const quantity = Math.ceil(billed / price.usageEventsPerUnit)
    const unit = meter?.aggregationType === 'count_distinct_properties' ? 'distinct' : 'units'
    // Fields spelled out rather than spread from `base`: spreading then adding keys is
    // several times slower, and a long clock move writes one line per closed period.
    out.push({
      id: newId('inv_li'),
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      livemode: base.livemode,
      invoiceId: base.invoiceId,
      pricingModelId: base.pricingModelId,
      type: 'usage',
      billingRunId: newId('billing_run'),
      ledgerAccountId: account?.id ?? '',
      ledgerAccountCredit: covered,
      description: `${meter?.name ?? meterId}: ${aggregate} ${unit}, ${covered} covered by credits, ${billed} billed (${price.usageEventsPerUnit} per unit)`,
      price: price.unitPrice,
      quantity,
      priceId: price.id,
    })
  }
  return out
}

/**
 * The `static` lines of the items in force when the period started (items added during it, by
 * an adjustment, are billed from the next period on), described up to `endDate`.
 */
function recurringLines(
  state: State,
  sub: SubscriptionRow,
  period: BillingPeriodRow,
  base: LineBase,
  endDate: number,
): InvoiceLineItemRow[] {
  const lines: InvoiceLineItemRow[] = []
  const { subscriptionItems } = state.tables
  forEachByIndex(subscriptionItems, state.indexes.itemsBySubscription, sub.id, (item) => {
    if (item.expiredAt !== null && item.expiredAt <= period.startDate) return
    if (item.addedDate > period.startDate) return
    lines.push({
      id: newId('inv_li'),
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      livemode: base.livemode,
      invoiceId: base.invoiceId,
      pricingModelId: base.pricingModelId,
      type: 'static',
      ledgerAccountId: null,
      ledgerAccountCredit: null,
      description: periodDescription(
        item.name ?? sub.name ?? 'Subscription',
        period.startDate,
        endDate,
      ),
      price: item.unitPrice,
      quantity: item.quantity,
      priceId: item.priceId,
    })
  })
  return lines
}

function lineBase(state: State, sub: SubscriptionRow, invoiceId: string, at: number): LineBase {
  return {
    createdAt: at,
    updatedAt: at,
    livemode: state.livemode,
    invoiceId,
    pricingModelId: sub.pricingModelId,
  }
}

/**
 * Invoices a period that is closing: the recurring price (when `recurring`) plus one usage
 * line per usage price with usage in the period. Returns undefined when there is nothing to
 * list (an early close without usage). Must run before the period's grants expire.
 */
export function invoicePeriod(
  state: State,
  sub: SubscriptionRow,
  period: BillingPeriodRow,
  options: CloseOptions,
): InvoiceRow | undefined {
  const { at } = options
  const invoiceId = newId('inv')
  const base = lineBase(state, sub, invoiceId, at)
  const endDate = Math.min(period.endDate, at)
  const lines = options.recurring ? recurringLines(state, sub, period, base, endDate) : []
  for (const [meterId, usage] of usageByMeter(state, period.id) ?? []) {
    lines.push(...meterLines(state, sub, period, meterId, usage, base, at))
  }
  if (lines.length === 0) return undefined
  return recordInvoice(state, sub, period, invoiceId, lines, { at, endDate })
}

/**
 * Bills a period's recurring price when it starts (subscriptions that began with a trial are
 * charged in advance, so the first charge comes when the trial ends). Its usage is billed when
 * it closes, by `invoicePeriod` without the recurring lines.
 */
export function invoicePeriodInAdvance(
  state: State,
  sub: SubscriptionRow,
  period: BillingPeriodRow,
): InvoiceRow | undefined {
  const at = period.startDate
  const invoiceId = newId('inv')
  const lines = recurringLines(
    state,
    sub,
    period,
    lineBase(state, sub, invoiceId, at),
    period.endDate,
  )
  if (lines.length === 0) return undefined
  return recordInvoice(state, sub, period, invoiceId, lines, { at, endDate: period.endDate })
}

/**
 * Stores an invoice of `sub` for `period` with its line items (already made for `invoiceId`):
 * `paid` when the total is 0 or the customer has a default payment method, else `open`.
 */
export function recordInvoice(
  state: State,
  sub: SubscriptionRow,
  period: BillingPeriodRow,
  invoiceId: string,
  lines: InvoiceLineItemRow[],
  { at, endDate }: { at: number; endDate: number },
): InvoiceRow {
  let total = 0
  for (const line of lines) total += line.price * line.quantity
  const paid = total === 0 || defaultPaymentMethodId(state, sub.customerId) !== null
  const subPrice = state.tables.prices.get(sub.priceId)
  const invoice: InvoiceRow = {
    id: invoiceId,
    createdAt: at,
    updatedAt: at,
    livemode: state.livemode,
    type: 'subscription',
    status: paid ? 'paid' : 'open',
    invoiceNumber: invoiceNumber(state, sub.customerId),
    invoiceDate: at,
    dueDate: at,
    currency: subPrice?.currency ?? 'USD',
    customerId: sub.customerId,
    organizationId: state.organizationId,
    pricingModelId: sub.pricingModelId,
    subscriptionId: sub.id,
    billingPeriodId: period.id,
    billingPeriodStartDate: period.startDate,
    billingPeriodEndDate: endDate,
    purchaseId: null,
    billingRunId: null,
    applicationFee: null,
    bankPaymentOnly: false,
    memo: null,
    ownerMembershipId: null,
    pdfURL: null,
    receiptPdfURL: null,
    subtotal: total,
    taxAmount: 0,
    taxRatePercentage: null,
    taxState: null,
    taxCountry: null,
    taxType: null,
  }
  storeInvoice(state, invoice, lines)
  chargeInvoice(state, invoice, total, at)
  return invoice
}

/** Adds an invoice and its line items to the tables and indexes. */
export function storeInvoice(
  state: State,
  invoice: InvoiceRow,
  lines: readonly InvoiceLineItemRow[],
): void {
  state.tables.invoices.set(invoice.id, invoice)
  pushIndex(state.indexes.invoicesByCustomer, invoice.customerId, invoice.id)
  const { unindexedLineItems } = state.indexes
  for (const line of lines) {
    state.tables.invoiceLineItems.set(line.id, line)
    unindexedLineItems.push(invoice.id, line.id)
  }
}

/** Sum of `price * quantity` over the invoice's line items. */
export function invoiceTotal(state: State, invoiceId: string): number {
  let total = 0
  for (const line of invoiceLineItems(state, invoiceId)) total += line.price * line.quantity
  return total
}

export function invoiceLineItems(state: State, invoiceId: string): InvoiceLineItemRow[] {
  indexPendingLineItems(state.indexes)
  return rowsByIndex(state.tables.invoiceLineItems, state.indexes.lineItemsByInvoice, invoiceId)
}

/** `{ invoice, invoiceLineItems }`, the wire shape used by `/invoices` and billing. */
export function invoiceWithLineItems(state: State, invoice: InvoiceRow) {
  return { invoice, invoiceLineItems: invoiceLineItems(state, invoice.id) }
}

/** A customer's invoices, oldest first. */
export function customerInvoices(state: State, customerId: string): InvoiceRow[] {
  return rowsByIndex(state.tables.invoices, state.indexes.invoicesByCustomer, customerId)
}

export function requireInvoice(state: State, id: string): InvoiceRow {
  const row = state.tables.invoices.get(id)
  if (!row) throw notFound(`Invoice not found: ${id}`)
  return row
}
