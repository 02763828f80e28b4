import { Hono } from 'hono'
import { isAcceptedKey, keyAccepted } from '../auth.js'
import type { EmulatorContext, RequestInfo } from '../context.js'
import { html, page } from '../html.js'
import { renderWebhooks } from '../webhooks/dashboard.js'
import { dashboardModel } from './model.js'
import { renderDashboard } from './render.js'

/** 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return v4.startsWith('127.') || address === '::1'
}

/**
 * `GET /`: the read-only dashboard. It shows customer data, so it needs the secret key
 * (`Authorization` header or `?key=`), except for requests the Node server received from a
 * loopback address, so a local browser can open it without a key.
 */
export function dashboardRoutes(ctx: EmulatorContext): Hono<{ Bindings: RequestInfo }> {
  const app = new Hono<{ Bindings: RequestInfo }>()
  app.get('/', (c) => {
    const allowed =
      isLoopback(c.env?.remoteAddress) ||
      keyAccepted(ctx, c.req.header('authorization')) ||
      isAcceptedKey(ctx, c.req.query('key'))
    if (!allowed) {
      return c.text(
        'Unauthorized: open the dashboard from this machine, or pass the secret key as ?key=',
        401,
      )
    }
    const body = html`${renderDashboard(dashboardModel(ctx.state, ctx.clock.now()))}${renderWebhooks(ctx.webhooks)}`
    return page('Flowglad emulator', body)
  })
  return app
}
