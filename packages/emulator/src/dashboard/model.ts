import { usageMeterBalances } from '../domain/balances.js'
import { customerInvoices, invoiceWithLineItems } from '../domain/invoices.js'
import { latestPeriod } from '../domain/periods.js'
import { type ResourceUsage, resourceUsages } from '../domain/resource-claims.js'
import { isCurrent } from '../domain/subscriptions.js'
import { rowsByIndex, type State } from '../store/state.js'
import type {
  CustomerRow,
  InvoiceLineItemRow,
  InvoiceRow,
  SubscriptionRow,
  UsageEventRow,
} from '../store/types.js'

export interface MeterLine {
  slug: string
  name: string
  aggregationType: string
  /** This period's aggregate (sum of amounts, or distinct property sets). */
  aggregate: number
  /** Available balance, or null when the meter has no ledger entry yet. */
  balance: number | null
}

export interface SubscriptionLine {
  subscription: SubscriptionRow
  priceSlug: string | null
  meters: MeterLine[]
  /** Claimed and available units of each resource it has capacity for or claims on. */
  resources: ResourceUsage[]
}

export interface CustomerLine {
  customer: CustomerRow
  subscriptions: SubscriptionLine[]
  invoices: { invoice: InvoiceRow; invoiceLineItems: InvoiceLineItemRow[]; total: number }[]
}

export interface DashboardModel {
  now: number
  customers: CustomerLine[]
  recentEvents: { event: UsageEventRow; externalId: string; meterSlug: string }[]
  eventCount: number
}

function meterLines(state: State, sub: SubscriptionRow): MeterLine[] {
  const period = latestPeriod(state, sub.id)
  const usage = period ? state.indexes.usageByPeriod.get(period.id) : undefined
  const balances = new Map(usageMeterBalances(state, sub).map((b) => [b.id, b.availableBalance]))
  const out: MeterLine[] = []
  for (const meter of state.tables.usageMeters.values()) {
    if (meter.pricingModelId !== sub.pricingModelId) continue
    let aggregate = 0
    for (const [priceId, amount] of usage ?? []) {
      const price = state.tables.prices.get(priceId)
      if (price?.type === 'usage' && price.usageMeterId === meter.id) aggregate += amount
    }
    out.push({
      slug: meter.slug,
      name: meter.name,
      aggregationType: meter.aggregationType,
      aggregate,
      balance: balances.get(meter.id) ?? null,
    })
  }
  return out
}

/** The last `count` rows of a Map, newest first, without copying the whole table. */
function lastRows<T>(rows: Map<string, T>, count: number): T[] {
  const ring: T[] = []
  for (const row of rows.values()) {
    ring.push(row)
    if (ring.length > count) ring.shift()
  }
  return ring.reverse()
}

/** Everything the dashboard shows, read from the state (no writes). */
export function dashboardModel(state: State, now: number): DashboardModel {
  const customers: CustomerLine[] = []
  for (const customer of state.tables.customers.values()) {
    const subscriptions: SubscriptionLine[] = rowsByIndex(
      state.tables.subscriptions,
      state.indexes.subscriptionsByCustomer,
      customer.id,
    ).map((sub) => ({
      subscription: sub,
      priceSlug: state.tables.prices.get(sub.priceId)?.slug ?? null,
      meters: isCurrent(sub) ? meterLines(state, sub) : [],
      resources: isCurrent(sub) ? resourceUsages(state, sub, now).map(({ usage }) => usage) : [],
    }))
    const invoices = customerInvoices(state, customer.id).map((invoice) => {
      const view = invoiceWithLineItems(state, invoice)
      const total = view.invoiceLineItems.reduce((sum, l) => sum + l.price * l.quantity, 0)
      return { ...view, total }
    })
    customers.push({ customer, subscriptions, invoices })
  }
  const recentEvents = lastRows(state.tables.usageEvents, 50).map((event) => ({
    event,
    externalId: state.tables.customers.get(event.customerId)?.externalId ?? event.customerId,
    meterSlug: state.tables.usageMeters.get(event.usageMeterId)?.slug ?? event.usageMeterId,
  }))
  return { now, customers, recentEvents, eventCount: state.tables.usageEvents.size }
}
