import type {
  BillingPeriodRow,
  CheckoutSessionRow,
  CustomerRow,
  FeatureRow,
  InvoiceLineItemRow,
  InvoiceRow,
  LedgerAccountRow,
  LedgerEntryRow,
  PaymentMethodRow,
  PaymentRow,
  PriceRow,
  PricingModelRow,
  ProductFeatureRow,
  ProductRow,
  PurchaseRow,
  ResourceClaimRow,
  ResourceRow,
  SubscriptionItemFeatureRow,
  SubscriptionItemRow,
  SubscriptionRow,
  UsageEventRow,
  UsageMeterRow,
  UsagePriceProductRow,
} from './types.js'

/**
 * The source of truth: one Map per table, keyed by id, holding plain JSON rows.
 * Everything in `Indexes` can be rebuilt from these tables (see `rebuildIndexes`).
 */
export interface Tables {
  pricingModels: Map<string, PricingModelRow>
  products: Map<string, ProductRow>
  prices: Map<string, PriceRow>
  usageMeters: Map<string, UsageMeterRow>
  features: Map<string, FeatureRow>
  productFeatures: Map<string, ProductFeatureRow>
  usagePriceProducts: Map<string, UsagePriceProductRow>
  customers: Map<string, CustomerRow>
  subscriptions: Map<string, SubscriptionRow>
  subscriptionItems: Map<string, SubscriptionItemRow>
  subscriptionItemFeatures: Map<string, SubscriptionItemFeatureRow>
  billingPeriods: Map<string, BillingPeriodRow>
  usageEvents: Map<string, UsageEventRow>
  ledgerAccounts: Map<string, LedgerAccountRow>
  ledgerEntries: Map<string, LedgerEntryRow>
  checkoutSessions: Map<string, CheckoutSessionRow>
  invoices: Map<string, InvoiceRow>
  invoiceLineItems: Map<string, InvoiceLineItemRow>
  paymentMethods: Map<string, PaymentMethodRow>
  purchases: Map<string, PurchaseRow>
  payments: Map<string, PaymentRow>
  resources: Map<string, ResourceRow>
  resourceClaims: Map<string, ResourceClaimRow>
}

/** Derived lookups, maintained incrementally on every write. */
export interface Indexes {
  /** `${pricingModelId}\0${externalId}` → customerId (non-archived customers only). */
  customerByExternalId: Map<string, string>
  subscriptionsByCustomer: Map<string, string[]>
  itemsBySubscription: Map<string, string[]>
  featuresByItem: Map<string, string[]>
  /** subscriptionId → id of its current (latest) billing period. */
  currentPeriodBySubscription: Map<string, string>
  /** `${transactionId}\0${usageMeterId}` → usageEventId. */
  eventByTransaction: Map<string, string>
  /** subscriptionId → its ledger account ids (one per meter it used), oldest first. */
  accountsBySubscription: Map<string, string[]>
  /** `${usageMeterId}\0${billingPeriodId}` → set of stable-stringified property sets. */
  distinctProperties: Map<string, Set<string>>
  /** billingPeriodId → (usage priceId → aggregate: summed amounts or distinct property sets). */
  usageByPeriod: Map<string, Map<string, number>>
  invoicesByCustomer: Map<string, string[]>
  /**
   * invoiceId → its line item ids. Filled lazily: new line items wait in
   * `unindexedLineItems` until the next read (see `indexPendingLineItems`), so a long clock move
   * (one invoice per closed period) does not pay a hash insert per invoice.
   */
  lineItemsByInvoice: Map<string, string[]>
  /**
   * Line items stored since `lineItemsByInvoice` was last brought up to date, oldest first, as
   * flat (invoiceId, lineItemId) pairs: no object per pair.
   */
  unindexedLineItems: string[]
  paymentMethodsByCustomer: Map<string, string[]>
  purchasesByCustomer: Map<string, string[]>
  /** subscriptionId → ids of its resource claims (active or not), oldest first. */
  claimsBySubscription: Map<string, string[]>
  /** The earliest end of any open billing period: no period can close before it. */
  nextPeriodEnd: { at: number }
}

export interface State {
  organizationId: string
  livemode: boolean
  defaultPricingModelId: string
  tables: Tables
  indexes: Indexes
}

export function emptyTables(): Tables {
  return {
    pricingModels: new Map(),
    products: new Map(),
    prices: new Map(),
    usageMeters: new Map(),
    features: new Map(),
    productFeatures: new Map(),
    usagePriceProducts: new Map(),
    customers: new Map(),
    subscriptions: new Map(),
    subscriptionItems: new Map(),
    subscriptionItemFeatures: new Map(),
    billingPeriods: new Map(),
    usageEvents: new Map(),
    ledgerAccounts: new Map(),
    ledgerEntries: new Map(),
    checkoutSessions: new Map(),
    invoices: new Map(),
    invoiceLineItems: new Map(),
    paymentMethods: new Map(),
    purchases: new Map(),
    payments: new Map(),
    resources: new Map(),
    resourceClaims: new Map(),
  }
}

export function emptyIndexes(): Indexes {
  return {
    customerByExternalId: new Map(),
    subscriptionsByCustomer: new Map(),
    itemsBySubscription: new Map(),
    featuresByItem: new Map(),
    currentPeriodBySubscription: new Map(),
    eventByTransaction: new Map(),
    accountsBySubscription: new Map(),
    distinctProperties: new Map(),
    usageByPeriod: new Map(),
    invoicesByCustomer: new Map(),
    lineItemsByInvoice: new Map(),
    unindexedLineItems: [],
    paymentMethodsByCustomer: new Map(),
    purchasesByCustomer: new Map(),
    claimsBySubscription: new Map(),
    nextPeriodEnd: { at: Number.POSITIVE_INFINITY },
  }
}

export function createState(organizationId: string): State {
  return {
    organizationId,
    livemode: false,
    defaultPricingModelId: '',
    tables: emptyTables(),
    indexes: emptyIndexes(),
  }
}

/** Appends `value` to the array stored under `key`. */
export function pushIndex(index: Map<string, string[]>, key: string, value: string): void {
  const list = index.get(key)
  if (list) list.push(value)
  else index.set(key, [value])
}

/** The rows of `table` whose ids an index lists under `key`, in index order. */
export function rowsByIndex<R>(
  table: Map<string, R>,
  index: Map<string, string[]>,
  key: string,
): R[] {
  const out: R[] = []
  for (const id of index.get(key) ?? []) {
    const row = table.get(id)
    if (row) out.push(row)
  }
  return out
}

/**
 * Calls `visit` for each row of `table` whose id an index lists under `key`, in index order,
 * without building an array (the period loop of a long clock move runs this per period).
 * `visit` must not add to that index entry.
 */
export function forEachByIndex<R>(
  table: Map<string, R>,
  index: Map<string, string[]>,
  key: string,
  visit: (row: R) => void,
): void {
  const ids = index.get(key)
  if (ids === undefined) return
  for (const id of ids) {
    const row = table.get(id)
    if (row) visit(row)
  }
}

export const pair = (a: string, b: string): string => `${a}\u0000${b}`

/** A piece of output text on the work stack of `stableStringify` (as opposed to a value). */
class Text {
  constructor(readonly text: string) {}
}

/**
 * JSON with object keys sorted at every depth, so key order never matters. Iterative (an
 * explicit work stack, no recursion), so no input depth can overflow the call stack. Values
 * are acyclic: they come from JSON or from checked usage-event properties.
 */
export function stableStringify(value: unknown): string {
  const out: string[] = []
  const work: unknown[] = [value]
  while (work.length > 0) {
    const item = work.pop()
    if (item instanceof Text) {
      out.push(item.text)
    } else if (item === null || typeof item !== 'object') {
      out.push(JSON.stringify(item) ?? 'null')
    } else if (Array.isArray(item)) {
      work.push(new Text(']'))
      for (let index = item.length - 1; index >= 0; index--) {
        work.push(item[index])
        if (index > 0) work.push(new Text(','))
      }
      work.push(new Text('['))
    } else {
      const record = item as Record<string, unknown>
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
      work.push(new Text('}'))
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index] as string
        work.push(record[key], new Text(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`))
      }
      work.push(new Text('{'))
    }
  }
  return out.join('')
}

/** Adds `delta` to the usage aggregate of (period, price). */
export function addPeriodUsage(
  indexes: Indexes,
  billingPeriodId: string,
  priceId: string,
  delta: number,
): void {
  let byPrice = indexes.usageByPeriod.get(billingPeriodId)
  if (!byPrice) {
    byPrice = new Map()
    indexes.usageByPeriod.set(billingPeriodId, byPrice)
  }
  byPrice.set(priceId, (byPrice.get(priceId) ?? 0) + delta)
}

/** Brings `lineItemsByInvoice` up to date (every read of it calls this first). */
export function indexPendingLineItems(indexes: Indexes): void {
  const pending = indexes.unindexedLineItems
  if (pending.length === 0) return
  for (let index = 0; index < pending.length; index += 2) {
    pushIndex(indexes.lineItemsByInvoice, pending[index] as string, pending[index + 1] as string)
  }
  indexes.unindexedLineItems = []
}

/** Recomputes every index from the tables (used after importing a snapshot). */
export function rebuildIndexes(state: State): void {
  const { tables } = state
  const idx = emptyIndexes()
  for (const c of tables.customers.values()) {
    if (!c.archived) idx.customerByExternalId.set(pair(c.pricingModelId, c.externalId), c.id)
  }
  for (const s of tables.subscriptions.values())
    pushIndex(idx.subscriptionsByCustomer, s.customerId, s.id)
  for (const i of tables.subscriptionItems.values())
    pushIndex(idx.itemsBySubscription, i.subscriptionId, i.id)
  for (const f of tables.subscriptionItemFeatures.values()) {
    pushIndex(idx.featuresByItem, f.subscriptionItemId, f.id)
  }
  for (const p of tables.billingPeriods.values()) {
    if (p.status === 'active' && p.endDate < idx.nextPeriodEnd.at) idx.nextPeriodEnd.at = p.endDate
    const current = idx.currentPeriodBySubscription.get(p.subscriptionId)
    const currentRow = current ? tables.billingPeriods.get(current) : undefined
    if (!currentRow || currentRow.startDate < p.startDate) {
      idx.currentPeriodBySubscription.set(p.subscriptionId, p.id)
    }
  }
  for (const a of tables.ledgerAccounts.values()) {
    pushIndex(idx.accountsBySubscription, a.subscriptionId, a.id)
  }
  for (const e of tables.usageEvents.values()) {
    idx.eventByTransaction.set(pair(e.transactionId, e.usageMeterId), e.id)
    if (!e.billingPeriodId) continue
    const meter = tables.usageMeters.get(e.usageMeterId)
    if (meter?.aggregationType === 'count_distinct_properties') {
      const key = pair(e.usageMeterId, e.billingPeriodId)
      let set = idx.distinctProperties.get(key)
      if (!set) {
        set = new Set()
        idx.distinctProperties.set(key, set)
      }
      const fingerprint = stableStringify(e.properties ?? {})
      if (set.has(fingerprint)) continue
      set.add(fingerprint)
      addPeriodUsage(idx, e.billingPeriodId, e.priceId, 1)
    } else {
      addPeriodUsage(idx, e.billingPeriodId, e.priceId, e.amount)
    }
  }
  for (const i of tables.invoices.values()) pushIndex(idx.invoicesByCustomer, i.customerId, i.id)
  for (const l of tables.invoiceLineItems.values())
    pushIndex(idx.lineItemsByInvoice, l.invoiceId, l.id)
  for (const m of tables.paymentMethods.values())
    pushIndex(idx.paymentMethodsByCustomer, m.customerId, m.id)
  for (const p of tables.purchases.values()) pushIndex(idx.purchasesByCustomer, p.customerId, p.id)
  for (const claim of tables.resourceClaims.values())
    pushIndex(idx.claimsBySubscription, claim.subscriptionId, claim.id)
  state.indexes = idx
}
