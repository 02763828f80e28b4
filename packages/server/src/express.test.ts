import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { describeBodyLimit } from '../test/handler/body-limit-cases.js'
import { createFakeFlowglad } from '../test/handler/fake-flowglad.js'
import { listen } from '../test/handler/listen.js'
import { probeBodies } from '../test/handler/upload.js'
import { expressRouter } from './express.js'

const servers: { close: () => Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function start(options: { json?: boolean; mount?: string; withMiddleware?: boolean } = {}) {
  const app = express()
  if (options.json) app.use(express.json())
  const calls: string[] = []
  app.use(
    options.mount ?? '/api/flowglad',
    expressRouter({
      getCustomerExternalId: (req) => req.header('x-user') ?? null,
      flowglad: (id) => {
        calls.push(id)
        return createFakeFlowglad(id)
      },
      middleware: options.withMiddleware
        ? [
            (req, _res, next) => {
              if (req.header('x-block') === 'yes') next(new Error('blocked by middleware'))
              else next()
            },
          ]
        : [],
    }),
  )
  app.use(
    (error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(418).json({ middlewareError: error.message })
    },
  )
  const server = await listen(app)
  servers.push(server)
  return { url: server.url, calls }
}

const jsonInit = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-user': 'user_a', ...headers },
  body: JSON.stringify(body),
})

describe.each([
  ['without a body parser', false],
  ['behind express.json()', true],
])('expressRouter on a real server %s', (_label, json) => {
  it('records a usage event', async () => {
    const { url } = await start({ json })
    const response = await fetch(
      `${url}/api/flowglad/usage-events/create`,
      jsonInit({ usageMeterSlug: 'ai_tokens', amount: 4 }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      data: { usageEvent: { amount: 4, subscriptionId: 'sub_own' } },
      error: null,
    })
  })

  it('serves upstream react billing (POST {} without content type)', async () => {
    const { url } = await start({ json })
    const response = await fetch(`${url}/api/flowglad/customers/billing`, {
      method: 'POST',
      headers: { 'x-user': 'user_a' },
      body: '{}',
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      data: { customer: { externalId: 'user_a' } },
      error: null,
    })
  })

  it('refuses a cross-site form post and a foreign Origin without calling the SDK', async () => {
    const { url, calls } = await start({ json })
    const form = await fetch(`${url}/api/flowglad/subscriptions/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-user': 'user_a' },
      body: 'id=sub_own',
    })
    expect(form.status).toBe(403)
    const foreign = await fetch(
      `${url}/api/flowglad/subscriptions/uncancel`,
      jsonInit({ id: 'sub_own' }, { origin: 'https://evil.test' }),
    )
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toMatchObject({ data: null, error: { code: 'csrf_rejected' } })
    expect(calls).toEqual([])
  })

  it('answers 401, 404 and 405 envelopes', async () => {
    const { url } = await start({ json })
    const anonymous = await fetch(`${url}/api/flowglad/customers/billing`, {
      method: 'POST',
      body: '{}',
    })
    expect(anonymous.status).toBe(401)
    expect((await fetch(`${url}/api/flowglad/nope`, jsonInit({}))).status).toBe(404)
    const get = await fetch(`${url}/api/flowglad/customers/billing`, {
      headers: { 'x-user': 'user_a' },
    })
    expect(get.status).toBe(405)
    expect(await get.json()).toMatchObject({ error: { code: 'method_not_allowed' } })
  })
})

describe('expressRouter mounting and middleware', () => {
  it('works under any mount path (the action is the part after it)', async () => {
    const { url } = await start({ mount: '/billing-api' })
    const response = await fetch(`${url}/billing-api/customers/find-or-create`, jsonInit({}))
    expect(await response.json()).toMatchObject({ data: { customer: { externalId: 'user_a' } } })
  })

  it('runs the middleware option first and forwards its errors to Express', async () => {
    const { url, calls } = await start({ withMiddleware: true })
    const blocked = await fetch(
      `${url}/api/flowglad/customers/billing`,
      jsonInit({}, { 'x-block': 'yes' }),
    )
    expect(blocked.status).toBe(418)
    expect(await blocked.json()).toEqual({ middlewareError: 'blocked by middleware' })
    expect(calls).toEqual([])
    expect((await fetch(`${url}/api/flowglad/customers/billing`, jsonInit({}))).status).toBe(200)
  })
})

describeBodyLimit('expressRouter without a body parser', async ({ maxBodyBytes }) => {
  const { probes, watch } = probeBodies()
  const app = express()
  app.use((req, res, next) => {
    watch(req, res)
    next()
  })
  app.use(
    '/api/flowglad',
    expressRouter({
      getCustomerExternalId: (req) => req.header('x-user') ?? null,
      flowglad: (id) => createFakeFlowglad(id),
      maxBodyBytes,
    }),
  )
  const server = await listen(app)
  servers.push(server)
  return { url: server.url, probes }
})
