import { notFound } from '../errors.js'
import { newId } from '../ids.js'
import { pushIndex, rowsByIndex, type State } from '../store/state.js'
import type { CustomerRow, PaymentMethodRow } from '../store/types.js'

export function customerPaymentMethods(state: State, customerId: string): PaymentMethodRow[] {
  return rowsByIndex(
    state.tables.paymentMethods,
    state.indexes.paymentMethodsByCustomer,
    customerId,
  )
}

/** Adds a test card (Visa 4242) and makes it the customer's default. */
export function addPaymentMethod(
  state: State,
  customer: CustomerRow,
  now: number,
): PaymentMethodRow {
  for (const other of customerPaymentMethods(state, customer.id)) {
    if (other.default) {
      other.default = false
      other.updatedAt = now
    }
  }
  const row: PaymentMethodRow = {
    id: newId('pm'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    customerId: customer.id,
    pricingModelId: customer.pricingModelId,
    type: 'card',
    default: true,
    billingDetails: {
      name: customer.name,
      email: customer.email,
      address: {
        line1: null,
        line2: null,
        city: null,
        state: null,
        postal_code: null,
        country: 'US',
      },
    },
    paymentMethodData: {
      brand: 'visa',
      last4: '4242',
      exp_month: 12,
      exp_year: new Date(now).getUTCFullYear() + 3,
    },
    metadata: null,
  }
  state.tables.paymentMethods.set(row.id, row)
  pushIndex(state.indexes.paymentMethodsByCustomer, customer.id, row.id)
  return row
}

export function requirePaymentMethod(state: State, id: string): PaymentMethodRow {
  const row = state.tables.paymentMethods.get(id)
  if (!row) throw notFound(`PaymentMethod not found: ${id}`)
  return row
}
