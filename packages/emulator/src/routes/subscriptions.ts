import { Hono } from 'hono'
import { clockRangeProblem } from '../clock-range.js'
import type { EmulatorContext } from '../context.js'
import { findPriceBySlug } from '../domain/catalog.js'
import { findCustomer } from '../domain/customers.js'
import {
  cancelSubscription,
  createSubscription,
  requireSubscription,
  subscriptionView,
  syncSubscription,
  uncancelSubscription,
} from '../domain/subscriptions.js'
import { badRequest, notFound } from '../errors.js'
import { emitSubscriptionEvent } from '../webhooks/domain-events.js'
import { parseInput, readJson } from './http.js'
import { paginate } from './pagination.js'
import { cancelBody, subscriptionCreateBody } from './schemas.js'

export function subscriptionRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()

  app.post('/', async (c) => {
    const body = parseInput(subscriptionCreateBody, await readJson(c))
    const { state } = ctx
    const now = ctx.clock.now()
    const customer =
      body.customerId !== undefined
        ? state.tables.customers.get(body.customerId)
        : findCustomer(state, body.customerExternalId ?? '')
    if (!customer || customer.archived) {
      throw notFound(`Customer not found: ${body.customerId ?? body.customerExternalId}`)
    }
    const price =
      body.priceId !== undefined
        ? state.tables.prices.get(body.priceId)
        : findPriceBySlug(state, customer.pricingModelId, body.priceSlug ?? '')
    if (!price) throw notFound(`Price not found: ${body.priceId ?? `with slug ${body.priceSlug}`}`)
    let startDate: number | undefined
    if (body.startDate !== undefined) {
      startDate = typeof body.startDate === 'number' ? body.startDate : Date.parse(body.startDate)
      if (!Number.isFinite(startDate)) throw badRequest('Invalid startDate: not a date')
      // A start far in the past would open (and close) a period for every interval since.
      const problem = clockRangeProblem(startDate)
      if (problem) throw badRequest(`Invalid startDate: ${problem}`)
      if (startDate > now) throw badRequest('Invalid startDate: must not be in the future')
    }
    const { subscription } = createSubscription(state, now, {
      customer,
      price,
      quantity: body.quantity,
      name: body.name,
      metadata: body.metadata,
      startDate,
      trialEnd: body.trialEnd,
      interval: body.interval,
      intervalCount: body.intervalCount,
      defaultPaymentMethodId: body.defaultPaymentMethodId,
      backupPaymentMethodId: body.backupPaymentMethodId,
      doNotCharge: body.doNotCharge,
    })
    return c.json({ subscription: subscriptionView(subscription) })
  })

  app.get('/', (c) => {
    const now = ctx.clock.now()
    const rows = [...ctx.state.tables.subscriptions.values()]
    for (const sub of rows) syncSubscription(ctx.state, sub, now)
    const page = paginate(c, rows)
    return c.json({ ...page, data: page.data.map(subscriptionView) })
  })

  app.get('/:id', (c) => {
    const sub = requireSubscription(ctx.state, c.req.param('id'), ctx.clock.now())
    return c.json({ subscription: subscriptionView(sub) })
  })

  app.post('/:id/cancel', async (c) => {
    const body = parseInput(cancelBody, await readJson(c))
    const now = ctx.clock.now()
    const sub = requireSubscription(ctx.state, c.req.param('id'), now)
    cancelSubscription(ctx.state, sub, body.cancellation.timing, now)
    return c.json({ subscription: subscriptionView(sub) })
  })

  app.post('/:id/uncancel', async (c) => {
    await readJson(c, true)
    const now = ctx.clock.now()
    const sub = requireSubscription(ctx.state, c.req.param('id'), now)
    if (sub.status === 'cancellation_scheduled')
      emitSubscriptionEvent(ctx.state, 'subscription.updated', sub, now)
    return c.json({ subscription: subscriptionView(uncancelSubscription(sub, now)) })
  })

  return app
}
