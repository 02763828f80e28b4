import { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { findPriceBySlug } from '../domain/catalog.js'
import { requirePurchasable } from '../domain/checkout.js'
import { requireCustomer } from '../domain/customers.js'
import { badRequest, notFound } from '../errors.js'
import { newId } from '../ids.js'
import type { CheckoutSessionRow } from '../store/types.js'
import { parseInput, readJson } from './http.js'
import { checkoutSessionCreateBody } from './schemas.js'

const SESSION_TTL_MS = 24 * 60 * 60 * 1000

/** Drops the keys a session type's wire schema does not carry. */
export function sessionView(row: CheckoutSessionRow) {
  const { targetSubscriptionId, automaticallyUpdateSubscriptions, invoiceId, purchaseId, ...rest } =
    row
  if (row.type === 'product') return { ...rest, purchaseId }
  if (row.type === 'add_payment_method') {
    return {
      ...rest,
      purchaseId,
      invoiceId,
      targetSubscriptionId,
      automaticallyUpdateSubscriptions,
    }
  }
  return { ...rest, targetSubscriptionId, automaticallyUpdateSubscriptions }
}

/** The session's checkout page on the emulator that answered (`<origin>/checkout/<id>`). */
const pageUrl = (requestUrl: string, id: string) => `${new URL(requestUrl).origin}/checkout/${id}`

export function checkoutSessionRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()

  app.post('/', async (c) => {
    const { checkoutSession: input } = parseInput(checkoutSessionCreateBody, await readJson(c))
    const { state } = ctx
    const now = ctx.clock.now()
    const customer = requireCustomer(state, input.customerExternalId)
    let priceId: string | null = null
    let quantity = 1
    let targetSubscriptionId: string | null = null
    if (input.type === 'product') {
      if ((input.priceId === undefined) === (input.priceSlug === undefined)) {
        throw badRequest('Invalid price: exactly one of priceId or priceSlug must be provided')
      }
      const price =
        input.priceId !== undefined
          ? state.tables.prices.get(input.priceId)
          : findPriceBySlug(state, customer.pricingModelId, input.priceSlug ?? '')
      if (!price)
        throw notFound(`Price not found: ${input.priceId ?? `with slug ${input.priceSlug}`}`)
      if (price.pricingModelId !== customer.pricingModelId) {
        throw badRequest(`Invalid price: ${price.id} is not in the customer's pricing model`)
      }
      if (price.type === 'usage') throw badRequest(`Invalid price: ${price.id} is a usage price`)
      requirePurchasable(state, price)
      if (state.tables.products.get(price.productId)?.default) {
        throw badRequest(`Invalid price: ${price.id} belongs to the default product`)
      }
      priceId = price.id
      quantity = input.quantity ?? 1
    } else if (input.targetSubscriptionId !== undefined) {
      const sub = state.tables.subscriptions.get(input.targetSubscriptionId)
      if (!sub || sub.customerId !== customer.id) {
        throw badRequest(`Invalid targetSubscriptionId: ${input.targetSubscriptionId}`)
      }
      targetSubscriptionId = sub.id
      if (input.type === 'activate_subscription') priceId = sub.priceId
    }
    const row: CheckoutSessionRow = {
      id: newId('chckt_session'),
      createdAt: now,
      updatedAt: now,
      livemode: state.livemode,
      type: input.type,
      status: 'open',
      pricingModelId: customer.pricingModelId,
      organizationId: state.organizationId,
      customerId: customer.id,
      customerName: customer.name,
      customerEmail: customer.email,
      priceId,
      quantity,
      purchaseId: null,
      invoiceId: null,
      discountId: null,
      successUrl: input.successUrl,
      cancelUrl: input.cancelUrl,
      outputMetadata: input.outputMetadata ?? null,
      outputName: input.outputName ?? null,
      preserveBillingCycleAnchor:
        input.type === 'add_payment_method' ? false : (input.preserveBillingCycleAnchor ?? false),
      targetSubscriptionId,
      automaticallyUpdateSubscriptions:
        input.type === 'add_payment_method'
          ? (input.automaticallyUpdateSubscriptions ?? null)
          : null,
      expires: now + SESSION_TTL_MS,
    }
    state.tables.checkoutSessions.set(row.id, row)
    return c.json({ checkoutSession: sessionView(row), url: pageUrl(c.req.url, row.id) })
  })

  app.get('/:id', (c) => {
    const row = ctx.state.tables.checkoutSessions.get(c.req.param('id'))
    if (!row) throw notFound(`CheckoutSession not found: ${c.req.param('id')}`)
    return c.json({ checkoutSession: sessionView(row), url: pageUrl(c.req.url, row.id) })
  })

  return app
}
