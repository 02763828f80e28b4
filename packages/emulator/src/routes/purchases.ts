import { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { requirePayment } from '../domain/payments.js'
import { requirePurchase } from '../domain/purchases.js'
import { paginate } from './pagination.js'

/** `GET /purchases/{id}`: `{ purchase }` (404 when unknown). */
export function purchaseRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()
  app.get('/:id', (c) => c.json({ purchase: requirePurchase(ctx.state, c.req.param('id')) }))
  return app
}

/** `GET /payments`: a paginated list; `GET /payments/{id}`: `{ payment }`. */
export function paymentRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()
  app.get('/', (c) => c.json(paginate(c, ctx.state.tables.payments.values())))
  app.get('/:id', (c) => c.json({ payment: requirePayment(ctx.state, c.req.param('id')) }))
  return app
}
