import { notFound } from '../errors.js'
import { newId } from '../ids.js'
import type { State } from '../store/state.js'
import type { InvoiceRow, PaymentRow } from '../store/types.js'
import { emitPaymentEvent } from '../webhooks/domain-events.js'

/** The customer's default card, if any (the one checkout saved last). */
export function defaultPaymentMethodId(state: State, customerId: string): string | null {
  for (const id of state.indexes.paymentMethodsByCustomer.get(customerId) ?? []) {
    if (state.tables.paymentMethods.get(id)?.default) return id
  }
  return null
}

/**
 * Charges an invoice now: a `succeeded` payment with the customer's default card, a `failed`
 * one without (the invoice then stays open). Free invoices are not charged (undefined), as no
 * payment is attempted for them.
 */
export function chargeInvoice(
  state: State,
  invoice: InvoiceRow,
  amount: number,
  at: number,
): PaymentRow | undefined {
  if (amount <= 0) return undefined
  const paymentMethodId = defaultPaymentMethodId(state, invoice.customerId)
  const succeeded = paymentMethodId !== null
  const payment: PaymentRow = {
    id: newId('pym'),
    createdAt: at,
    updatedAt: at,
    livemode: state.livemode,
    invoiceId: invoice.id,
    amount,
    paymentMethod: 'card',
    currency: invoice.currency,
    status: succeeded ? 'succeeded' : 'failed',
    chargeDate: at,
    settlementDate: succeeded ? at : null,
    description: null,
    receiptNumber: null,
    receiptURL: null,
    organizationId: state.organizationId,
    customerId: invoice.customerId,
    purchaseId: invoice.purchaseId,
    subscriptionId: invoice.subscriptionId,
    paymentMethodId,
    billingPeriodId: invoice.billingPeriodId,
    taxAmount: 0,
    subtotal: amount,
    taxType: null,
    taxCountry: null,
    taxState: null,
    taxRatePercentage: null,
    applicationFee: null,
    refunded: false,
    refundedAmount: null,
    refundedAt: null,
    failureMessage: succeeded ? null : 'The customer has no default payment method',
    failureCode: succeeded ? null : 'no_payment_method',
    pricingModelId: invoice.pricingModelId,
  }
  state.tables.payments.set(payment.id, payment)
  emitPaymentEvent(state, payment, at)
  return payment
}

export function requirePayment(state: State, id: string): PaymentRow {
  const row = state.tables.payments.get(id)
  if (!row) throw notFound(`Payment not found: ${id}`)
  return row
}
