import { badRequest, notFound } from '../errors.js'
import { rowsByIndex, type State } from '../store/state.js'
import type {
  CheckoutSessionRow,
  PaymentMethodRow,
  PriceRow,
  PurchaseRow,
  SubscriptionRow,
} from '../store/types.js'
import { emitCheckoutEvents } from '../webhooks/domain-events.js'
import { addPaymentMethod } from './payment-methods.js'
import { recordPurchase } from './purchases.js'
import {
  activateSubscription,
  createSubscription,
  isCurrent,
  syncSubscription,
} from './subscriptions.js'

export interface CheckoutResult {
  checkoutSession: CheckoutSessionRow
  subscription?: SubscriptionRow
  /** The purchase a `single_payment` checkout recorded. */
  purchase?: PurchaseRow
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

/**
 * A price that can be bought: active, of an active product. Checked when a session is created
 * and again when it completes (the catalogue may have changed in between).
 */
export function requirePurchasable(state: State, price: PriceRow): void {
  if (!price.active) throw badRequest(`Invalid price: ${price.id} is inactive`)
  const product = price.productId ? state.tables.products.get(price.productId) : undefined
  if (product && !product.active) {
    throw badRequest(`Invalid price: product ${product.id} of ${price.id} is inactive`)
  }
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
 * - `product` subscribes to a subscription price (a paid price ends the free plan as
 *   `upgraded_to_paid`; the price's `trialPeriodDays` start a trial), or records a purchase of
 *   a single-payment price (invoice, payment, usage credits; see `recordPurchase`);
 * - `add_payment_method` makes the card the default of the target subscription, or of every
 *   current subscription with `automaticallyUpdateSubscriptions`;
 * - `activate_subscription` makes the target `active`, ending a trial now (see
 *   `activateSubscription`).
 */
export function completeCheckoutSession(state: State, id: string, now: number): CheckoutResult {
  const session = requireOpenSession(state, id, now)
  const customer = customerOf(state, session)
  let subscription: SubscriptionRow | undefined
  const target = session.targetSubscriptionId
    ? state.tables.subscriptions.get(session.targetSubscriptionId)
    : undefined
  if (target) syncSubscription(state, target, now)
  let price: PriceRow | undefined
  if (session.type === 'product') {
    price = session.priceId ? state.tables.prices.get(session.priceId) : undefined
    if (!price) throw notFound(`Price not found: ${session.priceId}`)
    requirePurchasable(state, price)
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
    subscription = target
  }
  const paymentMethod = addPaymentMethod(state, customer, now)
  // After the card is saved: ending a trial charges the first paid period with it.
  if (session.type === 'activate_subscription' && target) activateSubscription(state, target, now)
  let purchase: PurchaseRow | undefined
  if (price?.type === 'single_payment') {
    purchase = recordPurchase(state, customer, price, session.quantity, now).purchase
    session.purchaseId = purchase.id
  }
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
  return {
    checkoutSession: session,
    paymentMethod,
    ...(subscription ? { subscription } : {}),
    ...(purchase ? { purchase } : {}),
  }
}
