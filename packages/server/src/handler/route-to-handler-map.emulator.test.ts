import { type FlowgladActionKey, isFlowgladActionKey } from '@flowglad/shared'
import { describe, expect, it } from 'vitest'
import { createEmulatorApp } from '../../test/handler/emulator-app.js'
import {
  hybridRouteToHandlerMap,
  isHybridActionKey,
  routeToHandlerMap,
} from './route-to-handler-map.js'

/**
 * An app's own adapter written the way upstream's request handler dispatches: path → key,
 * hybrid keys with `{ flowgladServer | null, flowgladServerAdmin }`, the rest with the server.
 */
function ownAdapter(app: ReturnType<typeof createEmulatorApp>) {
  return async (path: string[], method: string, body: unknown, user: string | null) => {
    const key = path.join('/')
    if (!isFlowgladActionKey(key)) return { status: 404, error: { code: 'not_found' } }
    const params = { method, data: body }
    if (isHybridActionKey(key)) {
      return hybridRouteToHandlerMap[key](params, {
        flowgladServer: user === null ? null : app.serverFor(user),
        flowgladServerAdmin: app.admin(),
      })
    }
    if (user === null) return { status: 401, error: { code: 'unauthenticated' } }
    return routeToHandlerMap[key as Exclude<FlowgladActionKey, 'pricing-models/retrieve'>](
      params,
      app.serverFor(user),
    )
  }
}

describe('routeToHandlerMap / hybridRouteToHandlerMap: an app-built adapter works', () => {
  it('cover every key of the table exactly once', () => {
    expect(Object.keys(hybridRouteToHandlerMap)).toEqual(['pricing-models/retrieve'])
    expect(Object.keys(routeToHandlerMap)).not.toContain('pricing-models/retrieve')
    expect(Object.keys(routeToHandlerMap)).toHaveLength(23)
  })

  it('answers { data, status: 200 } for billing, adjust and the read routes', async () => {
    const app = createEmulatorApp()
    const handle = ownAdapter(app)
    const billing = await handle(['customers', 'billing'], 'POST', {}, 'user_a')
    expect(billing).toMatchObject({ status: 200, data: { customer: { externalId: 'user_a' } } })
    await app.serverFor('user_a').createSubscription({ priceSlug: 'pro_monthly' })
    const adjusted = await handle(
      ['subscriptions', 'adjust'],
      'POST',
      { priceSlug: 'pro_monthly', quantity: 2 },
      'user_a',
    )
    expect(adjusted).toMatchObject({ status: 200, data: { isUpgrade: true } })
    const list = await handle(['subscriptions', 'list'], 'POST', {}, 'user_a')
    expect(list).toMatchObject({ status: 200, data: { currentSubscription: { status: 'active' } } })
  })

  it('the hybrid key answers signed out and signed in', async () => {
    const app = createEmulatorApp()
    const handle = ownAdapter(app)
    const out = await handle(['pricing-models', 'retrieve'], 'POST', {}, null)
    expect(out).toMatchObject({ status: 200, data: { source: 'default' } })
    const signedIn = await handle(['pricing-models', 'retrieve'], 'POST', {}, 'user_a')
    expect(signedIn).toMatchObject({ status: 200, data: { source: 'customer' } })
  })

  it('errors are catalogue codes with statuses: 405, 400, 403', async () => {
    const app = createEmulatorApp()
    const handle = ownAdapter(app)
    expect(await handle(['customers', 'billing'], 'GET', {}, 'user_a')).toMatchObject({
      status: 405,
      data: {},
      error: { code: 'method_not_allowed' },
    })
    expect(await handle(['usage-events', 'create'], 'POST', { amount: 1 }, 'user_a')).toMatchObject(
      { status: 400, error: { code: 'validation_error', json: { issues: [{}] } } },
    )
    expect(
      await handle(['customers', 'billing'], 'POST', { externalId: 'user_b' }, 'user_a'),
    ).toMatchObject({ status: 403, error: { code: 'forbidden' } })
    expect(
      await handle(
        ['subscriptions', 'cancel'],
        'POST',
        { id: 'sub_of_b', cancellation: { timing: 'immediately' } },
        'user_a',
      ),
    ).toMatchObject({ status: 403, error: { code: 'forbidden' } })
    expect(app.apiCalls.some((call) => call.startsWith('POST /api/v1/subscriptions'))).toBe(false)
  })

  it('checkout redirects: held to allowedOrigins or the request when given', async () => {
    const app = createEmulatorApp()
    const body = {
      priceSlug: 'pro_monthly',
      successUrl: 'https://evil.test/ok',
      cancelUrl: 'https://evil.test/no',
    }
    const refused = await routeToHandlerMap['checkout-sessions/create'](
      { method: 'POST', data: body },
      app.serverFor('user_a'),
      { request: new Request('https://app.test/api/flowglad/checkout-sessions/create') },
    )
    expect(refused).toMatchObject({ status: 400, error: { code: 'validation_error' } })
    const allowed = await routeToHandlerMap['checkout-sessions/create'](
      { method: 'POST', data: body },
      app.serverFor('user_a'),
      { allowedOrigins: ['https://evil.test'] },
    )
    expect(allowed.status).toBe(200)
  })
})
