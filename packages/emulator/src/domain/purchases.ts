import { notFound } from '../errors.js'
import { newId } from '../ids.js'
import { pushIndex, rowsByIndex, type State } from '../store/state.js'
import type {
  CustomerRow,
  InvoiceLineItemRow,
  PaymentRow,
  PurchaseInvoiceRow,
  PurchaseRow,
  SinglePaymentPriceRow,
  SubscriptionRow,
} from '../store/types.js'
import { productFeatures } from './catalog.js'
import { invoiceNumber, storeInvoice } from './invoices.js'
import { grantCredit, ledgerAccount } from './ledger.js'
import { chargeInvoice } from './payments.js'
import { currentPeriod } from './periods.js'
import { customerSubscriptions, isCurrent, isNewerSubscription } from './subscriptions.js'

export interface PurchaseResult {
  purchase: PurchaseRow
  invoice: PurchaseInvoiceRow
  /** Undefined for a free purchase (nothing is charged). */
  payment?: PaymentRow
}

/** A customer's purchases, oldest first. */
export function customerPurchases(state: State, customerId: string): PurchaseRow[] {
  return rowsByIndex(state.tables.purchases, state.indexes.purchasesByCustomer, customerId)
}

export function requirePurchase(state: State, id: string): PurchaseRow {
  const row = state.tables.purchases.get(id)
  if (!row) throw notFound(`Purchase not found: ${id}`)
  return row
}

/** The subscription billing calls `currentSubscription` (synced to `now`), if any. */
function currentSubscriptionOf(
  state: State,
  customerId: string,
  now: number,
): SubscriptionRow | undefined {
  let newest: SubscriptionRow | undefined
  for (const sub of customerSubscriptions(state, customerId, now)) {
    if (isCurrent(sub) && (!newest || isNewerSubscription(sub, newest))) newest = sub
  }
  return newest
}

/**
 * Credits the product's `usage_credit_grant` features (amount × quantity) to the customer's
 * current subscription, at once and never expiring, whatever their `renewalFrequency`: a
 * one-off payment has no billing period to renew with. Toggle features are not attached
 * (`hasPurchased` is how an app sees them). With no current subscription nothing is credited.
 */
function grantPurchaseCredits(
  state: State,
  customer: CustomerRow,
  price: SinglePaymentPriceRow,
  quantity: number,
  now: number,
): void {
  const sub = currentSubscriptionOf(state, customer.id, now)
  if (!sub) return
  // The current period's id keeps the period's own grant bookkeeping (expiry) intact.
  const periodId = currentPeriod(state, sub, now)?.id ?? null
  for (const feature of productFeatures(state, price.productId)) {
    if (feature.type !== 'usage_credit_grant' || !feature.active) continue
    const account = ledgerAccount(state, sub, feature.usageMeterId, now)
    grantCredit(state, account, feature.amount * quantity, periodId, false, now)
  }
}

function purchaseInvoice(
  state: State,
  purchase: PurchaseRow,
  price: SinglePaymentPriceRow,
  now: number,
): { invoice: PurchaseInvoiceRow; lines: InvoiceLineItemRow[] } {
  const invoice: PurchaseInvoiceRow = {
    id: newId('inv'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    type: 'purchase',
    status: 'paid',
    invoiceNumber: invoiceNumber(state, purchase.customerId),
    invoiceDate: now,
    dueDate: now,
    currency: price.currency,
    customerId: purchase.customerId,
    organizationId: state.organizationId,
    pricingModelId: purchase.pricingModelId,
    subscriptionId: null,
    billingPeriodId: null,
    billingPeriodStartDate: null,
    billingPeriodEndDate: null,
    purchaseId: purchase.id,
    billingRunId: null,
    applicationFee: null,
    bankPaymentOnly: false,
    memo: null,
    ownerMembershipId: null,
    pdfURL: null,
    receiptPdfURL: null,
    subtotal: purchase.firstInvoiceValue,
    taxAmount: 0,
    taxRatePercentage: null,
    taxState: null,
    taxCountry: null,
    taxType: null,
  }
  const line: InvoiceLineItemRow = {
    id: newId('inv_li'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    invoiceId: invoice.id,
    pricingModelId: purchase.pricingModelId,
    type: 'static',
    ledgerAccountId: null,
    ledgerAccountCredit: null,
    description: purchase.name,
    price: price.unitPrice,
    quantity: purchase.quantity,
    priceId: price.id,
  }
  return { invoice, lines: [line] }
}

/**
 * A completed single-payment checkout: a `paid` purchase, its `paid` invoice (one line), a
 * payment with the card checkout just saved, and the product's usage credits (see
 * `grantPurchaseCredits`). Call after the card is saved.
 */
export function recordPurchase(
  state: State,
  customer: CustomerRow,
  price: SinglePaymentPriceRow,
  quantity: number,
  now: number,
): PurchaseResult {
  const product = state.tables.products.get(price.productId)
  const total = price.unitPrice * quantity
  const purchase: PurchaseRow = {
    id: newId('prch'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    name: product?.name ?? price.name ?? price.id,
    status: 'paid',
    customerId: customer.id,
    organizationId: state.organizationId,
    billingCycleAnchor: null,
    priceId: price.id,
    quantity,
    priceType: 'single_payment',
    trialPeriodDays: null,
    pricePerBillingCycle: null,
    intervalUnit: null,
    intervalCount: null,
    firstInvoiceValue: total,
    totalPurchaseValue: total,
    bankPaymentOnly: false,
    purchaseDate: now,
    endDate: null,
    proposal: null,
    archived: false,
    metadata: null,
    pricingModelId: customer.pricingModelId,
    position: 0,
  }
  state.tables.purchases.set(purchase.id, purchase)
  pushIndex(state.indexes.purchasesByCustomer, customer.id, purchase.id)
  const { invoice, lines } = purchaseInvoice(state, purchase, price, now)
  storeInvoice(state, invoice, lines)
  const payment = chargeInvoice(state, invoice, total, now)
  grantPurchaseCredits(state, customer, price, quantity, now)
  return { purchase, invoice, ...(payment ? { payment } : {}) }
}
