import { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { usageMeterBalances } from '../domain/balances.js'
import { customerBilling } from '../domain/billing.js'
import { createCustomer, requireCustomer, updateCustomer } from '../domain/customers.js'
import {
  customerSubscriptions,
  forceCancel,
  isCurrent,
  subscriptionView,
} from '../domain/subscriptions.js'
import { notFound } from '../errors.js'
import { parseInput, readJson, singleQuery } from './http.js'
import { paginate } from './pagination.js'
import { customerCreateBody, customerUpdateBody } from './schemas.js'

export function customerRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()

  app.post('/', async (c) => {
    const body = parseInput(customerCreateBody, await readJson(c))
    const created = createCustomer(ctx.state, ctx.clock.now(), body.customer)
    return c.json({
      data: {
        customer: created.customer,
        ...(created.subscription ? { subscription: subscriptionView(created.subscription) } : {}),
        ...(created.subscriptionItems ? { subscriptionItems: created.subscriptionItems } : {}),
      },
    })
  })

  app.get('/', (c) => {
    const customers = [...ctx.state.tables.customers.values()].filter((row) => !row.archived)
    return c.json(paginate(c, customers))
  })

  app.get('/:externalId', (c) => {
    return c.json({ customer: requireCustomer(ctx.state, c.req.param('externalId')) })
  })

  app.put('/:externalId', async (c) => {
    const body = parseInput(customerUpdateBody, await readJson(c))
    const customer = requireCustomer(ctx.state, c.req.param('externalId'))
    return c.json({ customer: updateCustomer(ctx.state, customer, body.customer, ctx.clock.now()) })
  })

  app.post('/:externalId/archive', async (c) => {
    await readJson(c, true)
    const now = ctx.clock.now()
    const customer = requireCustomer(ctx.state, c.req.param('externalId'))
    for (const sub of customerSubscriptions(ctx.state, customer.id, now)) {
      if (isCurrent(sub)) forceCancel(ctx.state, sub, now)
    }
    return c.json({ customer: updateCustomer(ctx.state, customer, { archived: true }, now) })
  })

  app.get('/:externalId/billing', (c) => {
    const customer = requireCustomer(ctx.state, c.req.param('externalId'))
    return c.json(customerBilling(ctx.state, customer, ctx.clock.now()))
  })

  app.get('/:externalId/usage-balances', (c) => {
    const customer = requireCustomer(ctx.state, c.req.param('externalId'))
    const subscriptionId = singleQuery(c, 'subscriptionId')
    const subs = customerSubscriptions(ctx.state, customer.id, ctx.clock.now())
    let chosen = subs.filter(isCurrent)
    if (subscriptionId !== undefined) {
      const sub = subs.find((s) => s.id === subscriptionId)
      if (!sub) throw notFound(`Subscription not found: ${subscriptionId}`)
      chosen = [sub]
    }
    return c.json({
      usageMeterBalances: chosen.flatMap((sub) => usageMeterBalances(ctx.state, sub)),
    })
  })

  return app
}
