import { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { badRequest, notFound } from '../errors.js'
import { parseInput, readJson } from '../routes/http.js'
import { webhookCreateBody, webhookUpdateBody } from './schemas.js'

/** `/api/v1/webhooks`: create (answers the signing secret once), get and update, as the OpenAPI document. */
export function webhookRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()

  app.post('/', async (c) => {
    const { webhook } = parseInput(webhookCreateBody, await readJson(c))
    if (!ctx.state.tables.pricingModels.has(webhook.pricingModelId)) {
      throw notFound(`PricingModel not found: ${webhook.pricingModelId}`)
    }
    return c.json(ctx.webhooks.endpointTable.create(webhook, ctx.clock.now()))
  })

  app.get('/:id', (c) => c.json({ webhook: ctx.webhooks.endpointTable.get(c.req.param('id')) }))

  app.put('/:id', async (c) => {
    const { webhook } = parseInput(webhookUpdateBody, await readJson(c))
    const id = c.req.param('id')
    if (webhook.id !== id)
      throw badRequest(`Invalid id: body id ${webhook.id} is not the path id ${id}`)
    const { id: _id, ...update } = webhook
    return c.json({ webhook: ctx.webhooks.endpointTable.update(id, update, ctx.clock.now()) })
  })

  return app
}

/** `/_emulator/webhook-deliveries`: every delivery with its attempts, and replay of one. */
export function webhookDeliveryRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()
  app.get('/', (c) =>
    c.json({ deliveries: ctx.webhooks.deliveries(), endpoints: ctx.webhooks.endpoints() }),
  )
  app.get('/:id', (c) => c.json({ delivery: ctx.webhooks.queue.get(c.req.param('id')) }))
  app.post('/:id/replay', (c) => c.json({ delivery: ctx.webhooks.replay(c.req.param('id')) }))
  return app
}
