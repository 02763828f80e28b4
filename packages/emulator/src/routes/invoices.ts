import { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { invoiceWithLineItems, requireInvoice } from '../domain/invoices.js'
import { requirePaymentMethod } from '../domain/payment-methods.js'
import { paginate } from './pagination.js'

/**
 * `GET /invoices`: a paginated list of invoice records (as the OpenAPI spec says, without line
 * items); `GET /invoices/{id}`: `{ invoice, invoiceLineItems }`.
 */
export function invoiceRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()
  app.get('/', (c) => c.json(paginate(c, ctx.state.tables.invoices.values())))
  app.get('/:id', (c) =>
    c.json(invoiceWithLineItems(ctx.state, requireInvoice(ctx.state, c.req.param('id')))),
  )
  return app
}

/** `GET /payment-methods[/{id}]`. */
export function paymentMethodRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()
  app.get('/', (c) => c.json(paginate(c, ctx.state.tables.paymentMethods.values())))
  app.get('/:id', (c) =>
    c.json({ paymentMethod: requirePaymentMethod(ctx.state, c.req.param('id')) }),
  )
  return app
}
