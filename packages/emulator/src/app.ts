import { Hono } from 'hono'
import type { EmulatorContext } from './context.js'
import { EmulatorError } from './errors.js'
import { newRequestId } from './ids.js'
import { apiRoutes } from './routes/index.js'

/** Accepts `Authorization: <key>` or `Bearer <key>` (a bare key has no spaces). */
export function extractKey(header: string | undefined): string | undefined {
  if (!header) return undefined
  const value = header.trim()
  const bearer = /^Bearer\s+(\S+)$/i.exec(value)
  if (bearer) return bearer[1]
  return /\s/.test(value) ? undefined : value
}

function keyAccepted(ctx: EmulatorContext, key: string | undefined): boolean {
  if (!key) return false
  return ctx.secretKey !== undefined ? key === ctx.secretKey : key.startsWith('sk_test_')
}

/** The Hono app serving `/api/v1/*`. */
export function buildApp(ctx: EmulatorContext): Hono<{ Variables: { requestId: string } }> {
  const app = new Hono<{ Variables: { requestId: string } }>()

  app.use('*', async (c, next) => {
    const requestId = newRequestId()
    c.set('requestId', requestId)
    await next()
    c.res.headers.set('X-Request-Id', requestId)
  })

  app.use('/api/v1/*', async (c, next) => {
    if (!keyAccepted(ctx, extractKey(c.req.header('authorization')))) {
      return c.text('Unauthorized', 401)
    }
    await next()
  })

  app.route('/api/v1', apiRoutes(ctx))

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
