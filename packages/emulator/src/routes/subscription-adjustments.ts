import { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { adjustSubscription, previewAdjustment } from '../domain/adjustments.js'
import { cancelScheduledAdjustment } from '../domain/scheduled-adjustments.js'
import { requireSubscription, subscriptionView } from '../domain/subscriptions.js'
import { adjustmentBody } from './adjustment-body.js'
import { parseInput, readJson } from './http.js'

/** `/subscriptions/{id}/adjust`, `/preview-adjust` and `/cancel-scheduled-adjustment`. */
export function subscriptionAdjustmentRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()

  app.post('/:id/adjust', async (c) => {
    const body = parseInput(adjustmentBody, await readJson(c))
    const now = ctx.clock.now()
    const sub = requireSubscription(ctx.state, c.req.param('id'), now)
    return c.json(adjustSubscription(ctx.state, sub, body.adjustment, now))
  })

  app.post('/:id/preview-adjust', async (c) => {
    const body = parseInput(adjustmentBody, await readJson(c))
    const now = ctx.clock.now()
    const sub = requireSubscription(ctx.state, c.req.param('id'), now)
    return c.json(previewAdjustment(ctx.state, sub, body.adjustment, now))
  })

  // The spec declares no body: an empty one (or `{}`) is accepted.
  app.post('/:id/cancel-scheduled-adjustment', async (c) => {
    await readJson(c, true)
    const now = ctx.clock.now()
    const sub = requireSubscription(ctx.state, c.req.param('id'), now)
    const canceledItemCount = cancelScheduledAdjustment(ctx.state, sub, now)
    return c.json({ subscription: subscriptionView(sub), canceledItemCount })
  })

  return app
}
