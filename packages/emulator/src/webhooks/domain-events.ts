import { newId } from '../ids.js'
import type { State } from '../store/state.js'
import type { CheckoutSessionRow, CustomerRow, SubscriptionRow } from '../store/types.js'
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

/** A period's invoice was charged (or could not be: no payment method). Free invoices send nothing. */
export function emitPaymentEvent(
  state: State,
  paid: boolean,
  total: number,
  customerId: string,
  at: number,
): void {
  if (total <= 0) return
  const type = paid ? 'payment.succeeded' : 'payment.failed'
  emitWebhookEvent(state, type, { object: 'payment', id: newId('pay'), customerId }, at)
}

/** A paid checkout: a purchase for product sessions, and an update of each subscription it touched. */
export function emitCheckoutEvents(
  state: State,
  session: CheckoutSessionRow,
  touched: readonly SubscriptionRow[],
  at: number,
): void {
  if (session.type === 'product') {
    const purchase = {
      object: 'purchase',
      id: newId('prch'),
      customerId: session.customerId,
    } as const
    emitWebhookEvent(state, 'purchase.completed', purchase, at)
  }
  for (const sub of touched) emitSubscriptionEvent(state, 'subscription.updated', sub, at)
}
