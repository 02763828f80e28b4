import { Hono } from 'hono'
import * as z from 'zod'
import { clockRangeProblem } from '../clock-range.js'
import type { EmulatorContext } from '../context.js'
import { completeCheckoutSession } from '../domain/checkout.js'
import { subscriptionView } from '../domain/subscriptions.js'
import { badRequest } from '../errors.js'
import { sessionView } from './checkout-sessions.js'
import { parseInput, readJson } from './http.js'

const clockBody = z.union([
  z.strictObject({ advanceMs: z.number().finite().nonnegative() }),
  z.strictObject({ to: z.union([z.number().finite(), z.iso.datetime({ offset: true })]) }),
])

async function* emptySource(): AsyncGenerator<string> {}

/** `/_emulator/*`: clock, reset, state export/import and scripted checkout completion. */
export function controlRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()

  app.get('/clock', (c) => c.json({ now: ctx.clock.now() }))

  app.post('/clock', async (c) => {
    const body = parseInput(clockBody, await readJson(c))
    if ('advanceMs' in body) {
      const problem = clockRangeProblem(ctx.clock.now() + body.advanceMs)
      if (problem) throw badRequest(`Invalid advanceMs: the clock would be at ${problem}`)
      return c.json({ now: ctx.clock.advance(body.advanceMs) })
    }
    const to = typeof body.to === 'number' ? body.to : Date.parse(body.to)
    const problem = clockRangeProblem(to)
    if (problem) throw badRequest(`Invalid to: ${problem}`)
    if (to < ctx.clock.now()) {
      throw badRequest(`Invalid to: the clock only moves forward (now is ${ctx.clock.now()})`)
    }
    return c.json({ now: ctx.clock.set(to) })
  })

  app.post('/reset', (c) => {
    ctx.reset()
    return c.json({ reset: true, now: ctx.clock.now() })
  })

  // Streamed both ways: a snapshot of 10^6 events is larger than the longest JS string.
  app.get('/state', () => {
    return new Response(ctx.exportStateStream(), {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
  })

  app.put('/state', async (c) => {
    await ctx.importStateStream(c.req.raw.body ?? emptySource())
    return c.json({ imported: true, now: ctx.clock.now() })
  })

  app.post('/checkout-sessions/:id/complete', (c) => {
    const result = completeCheckoutSession(ctx.state, c.req.param('id'), ctx.clock.now())
    return c.json({
      checkoutSession: sessionView(result.checkoutSession),
      paymentMethod: result.paymentMethod,
      ...(result.subscription ? { subscription: subscriptionView(result.subscription) } : {}),
      ...(result.purchase ? { purchase: result.purchase } : {}),
    })
  })

  return app
}
