import { Hono } from 'hono'
import { keyAccepted } from './auth.js'
import type { EmulatorContext, RequestInfo } from './context.js'
import { dashboardRoutes } from './dashboard/route.js'
import { closeDuePeriods } from './domain/subscriptions.js'
import { EmulatorError } from './errors.js'
import { newRequestId } from './ids.js'
import { checkoutPageRoutes } from './routes/checkout-page.js'
import { controlRoutes } from './routes/control.js'
import { apiRoutes } from './routes/index.js'
import { webhookDeliveryRoutes } from './webhooks/routes.js'

export type AppEnv = { Bindings: RequestInfo; Variables: { requestId: string } }

/** The Hono app: `/api/v1/*`, `/_emulator/*`, the checkout pages and the dashboard at `/`. */
export function buildApp(ctx: EmulatorContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.use('*', async (c, next) => {
    const requestId = newRequestId()
    c.set('requestId', requestId)
    // Periods that ended since the last request (wall-clock time passing) close first.
    closeDuePeriods(ctx.state, ctx.clock.now())
    await next()
    c.res.headers.set('X-Request-Id', requestId)
  })

  for (const path of ['/api/v1/*', '/_emulator/*']) {
    app.use(path, async (c, next) => {
      if (!keyAccepted(ctx, c.req.header('authorization'))) return c.text('Unauthorized', 401)
      await next()
    })
  }

  app.route('/api/v1', apiRoutes(ctx))
  app.route('/_emulator/webhook-deliveries', webhookDeliveryRoutes(ctx))
  app.route('/_emulator', controlRoutes(ctx))
  app.route('/checkout', checkoutPageRoutes(ctx))
  app.route('/', dashboardRoutes(ctx))

  app.notFound((c) => c.text('Not Found', 404))

  app.onError((err, c) => {
    const requestId = c.get('requestId') ?? newRequestId()
    if (err instanceof EmulatorError) {
      return c.json({ error: err.body, code: err.code, request_id: requestId }, err.status)
    }
    return c.json(
      {
        error: err instanceof Error ? err.message : String(err),
        code: 'INTERNAL_SERVER_ERROR',
        request_id: requestId,
      },
      500,
    )
  })

  return app
}
