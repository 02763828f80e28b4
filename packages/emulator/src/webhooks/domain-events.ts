import { newId } from '../ids.js'
import type { State } from '../store/state.js'
import type {
  CheckoutSessionRow,
  CustomerRow,
  PaymentRow,
  SubscriptionRow,
} from '../store/types.js'
import { emitWebhookEvent } from './emit.js'
import type { WebhookEventType } from './event-types.js'

// One-line hooks for the domain functions: each names the change, these build the reference.

export function emitCustomerEvent(
  state: State,
  type: 'customer.created' | 'customer.updated',
  customer: CustomerRow,
  at: number,
): void {
  emitWebhookEvent(
    state,
    type,
    { object: 'customer', id: customer.id, customerId: customer.id },
    at,
  )
}

export function emitSubscriptionEvent(
  state: State,
  type: Extract<WebhookEventType, `subscription.${string}`>,
  sub: SubscriptionRow,
  at: number,
): void {
  emitWebhookEvent(
    state,
    type,
    { object: 'subscription', id: sub.id, customerId: sub.customerId },
    at,
  )
}

/** An invoice was charged (`succeeded`) or could not be (`failed`: no payment method). */
export function emitPaymentEvent(state: State, payment: PaymentRow, at: number): void {
  const type = payment.status === 'succeeded' ? 'payment.succeeded' : 'payment.failed'
  const changed = { object: 'payment', id: payment.id, customerId: payment.customerId } as const
  emitWebhookEvent(state, type, changed, at)
}

/** A paid checkout: the purchase it recorded, and an update of each subscription it touched. */
export function emitCheckoutEvents(
  state: State,
  session: CheckoutSessionRow,
  touched: readonly SubscriptionRow[],
  at: number,
): void {
  if (session.type === 'product') {
    // Subscription checkouts record no purchase row: their event names a fresh id.
    const id = session.purchaseId ?? newId('prch')
    const purchase = { object: 'purchase', id, customerId: session.customerId } as const
    emitWebhookEvent(state, 'purchase.completed', purchase, at)
  }
  for (const sub of touched) emitSubscriptionEvent(state, 'subscription.updated', sub, at)
}
