import { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import {
  bulkCreateUsageEvents,
  createUsageEvent,
  requireUsageEvent,
} from '../domain/usage-events.js'
import { badRequest } from '../errors.js'
import { readJson, toIssues } from './http.js'
import { usageEventBulkBody, usageEventCreateBody } from './schemas.js'

export function usageEventRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()

  app.post('/', async (c) => {
    const parsed = usageEventCreateBody.safeParse(await readJson(c))
    if (!parsed.success) throw badRequest(toIssues(parsed.error))
    // From here on everything is synchronous: lookup and insert cannot interleave.
    const event = createUsageEvent(ctx.state, parsed.data.usageEvent, ctx.clock.now())
    return c.json({ usageEvent: event })
  })

  app.post('/bulk', async (c) => {
    const parsed = usageEventBulkBody.safeParse(await readJson(c))
    if (!parsed.success) {
      const issues = toIssues(parsed.error).map((issue) => {
        const index = issue.path[0] === 'usageEvents' ? issue.path[1] : undefined
        return typeof index === 'number'
          ? { ...issue, message: `${issue.message} (index ${index})` }
          : issue
      })
      throw badRequest(issues)
    }
    const events = bulkCreateUsageEvents(ctx.state, parsed.data.usageEvents, ctx.clock.now())
    return c.json({ usageEvents: events })
  })

  app.get('/:id', (c) => c.json({ usageEvent: requireUsageEvent(ctx.state, c.req.param('id')) }))

  return app
}
