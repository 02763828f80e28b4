import { badRequest, notFound } from '../errors.js'
import { rowsByIndex, type State } from '../store/state.js'
import type { CheckoutSessionRow, PaymentMethodRow, SubscriptionRow } from '../store/types.js'
import { emitCheckoutEvents } from '../webhooks/domain-events.js'
import { addPaymentMethod } from './payment-methods.js'
import { createSubscription, isCurrent, syncSubscription } from './subscriptions.js'

export interface CheckoutResult {
  checkoutSession: CheckoutSessionRow
  subscription?: SubscriptionRow
  paymentMethod: PaymentMethodRow
}

export function requireCheckoutSession(state: State, id: string): CheckoutSessionRow {
  const row = state.tables.checkoutSessions.get(id)
  if (!row) throw notFound(`CheckoutSession not found: ${id}`)
  return row
}

/** An open, unexpired session (an expired one is marked `expired` on the way). */
export function requireOpenSession(state: State, id: string, now: number): CheckoutSessionRow {
  const session = requireCheckoutSession(state, id)
  if (session.status === 'open' && now >= session.expires) {
    session.status = 'expired'
    session.updatedAt = now
  }
  if (session.status !== 'open') {
    throw badRequest(`Invalid checkoutSession: ${id} is ${session.status}, not open`)
  }
  return session
}

function customerOf(state: State, session: CheckoutSessionRow) {
  const customer = state.tables.customers.get(session.customerId)
  if (!customer || customer.archived) {
    throw badRequest(`Invalid checkoutSession: customer ${session.customerId} is archived`)
  }
  return customer
}

/**
 * What the hosted checkout does when the buyer pays. Every type saves a test card as the
 * customer's default payment method; then
 * - `product` subscribes to the price (a paid price ends the free plan as `upgraded_to_paid`);
 * - `add_payment_method` makes the card the default of the target subscription, or of every
 *   current subscription with `automaticallyUpdateSubscriptions`;
 * - `activate_subscription` makes the target `active` (ending a trial now).
 */
export function completeCheckoutSession(state: State, id: string, now: number): CheckoutResult {
  const session = requireOpenSession(state, id, now)
  const customer = customerOf(state, session)
  let subscription: SubscriptionRow | undefined
  const target = session.targetSubscriptionId
    ? state.tables.subscriptions.get(session.targetSubscriptionId)
    : undefined
  if (target) syncSubscription(state, target, now)
  if (session.type === 'product') {
    const price = session.priceId ? state.tables.prices.get(session.priceId) : undefined
    if (!price) throw notFound(`Price not found: ${session.priceId}`)
    if (price.type === 'subscription') {
      subscription = createSubscription(state, now, {
        customer,
        price,
        quantity: session.quantity,
      }).subscription
    }
  } else if (session.type === 'activate_subscription') {
    if (!target) throw notFound(`Subscription not found: ${session.targetSubscriptionId}`)
    if (target.status === 'canceled') {
      throw badRequest(`Invalid targetSubscriptionId: ${target.id} is canceled`)
    }
    if (target.status !== 'cancellation_scheduled') target.status = 'active'
    if (target.trialEnd !== null && target.trialEnd > now) target.trialEnd = now
    target.updatedAt = now
    subscription = target
  }
  const paymentMethod = addPaymentMethod(state, customer, now)
  const attachTo: SubscriptionRow[] = []
  if (subscription) attachTo.push(subscription)
  if (session.type === 'add_payment_method') {
    if (target) attachTo.push(target)
    if (session.automaticallyUpdateSubscriptions) {
      const { subscriptions } = state.tables
      const own = rowsByIndex(subscriptions, state.indexes.subscriptionsByCustomer, customer.id)
      for (const sub of own) if (isCurrent(sub) && sub !== target) attachTo.push(sub)
    }
  }
  for (const sub of attachTo) {
    sub.defaultPaymentMethodId = paymentMethod.id
    sub.updatedAt = now
  }
  session.status = 'succeeded'
  emitCheckoutEvents(state, session, session.type === 'product' ? [] : attachTo, now)
  session.updatedAt = now
  return { checkoutSession: session, paymentMethod, ...(subscription ? { subscription } : {}) }
}
