import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { NextApiRequest, NextApiResponse } from 'next'
import { apiResolver as apiResolver16 } from 'next/dist/server/api-utils/node/api-resolver.js'
import { apiResolver as apiResolver15 } from 'next15/dist/server/api-utils/node/api-resolver.js'
import { afterEach, describe, expect, it } from 'vitest'
import { describeBodyLimit } from '../../server/test/handler/body-limit-cases.js'
import { probeBodies } from '../../server/test/handler/upload.js'
import { emulatorBackedFlowglad } from '../test/fake-app.js'
import { pagesRouteHandler } from './pages-route-handler.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function catchAllQuery(url: string | undefined) {
  const pathname = new URL(url ?? '/', 'http://x').pathname
  return {
    path: pathname
      .replace(/^\/api\/flowglad\/?/, '')
      .split('/')
      .filter(Boolean),
  }
}

function setup(options: { maxBodyBytes?: number } = {}) {
  const backend = emulatorBackedFlowglad()
  const handler = pagesRouteHandler({
    getCustomerExternalId: (req) => {
      const user = req.headers['x-user']
      return typeof user === 'string' ? user : null
    },
    flowglad: backend.flowglad,
    maxBodyBytes: options.maxBodyBytes,
  })
  return { ...backend, handler }
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-user': 'user_a', ...headers },
  body: JSON.stringify(body),
})

describe('pagesRouteHandler, called directly with Node req/res from a real server', () => {
  async function start() {
    const app = setup()
    const url = await listen((req, res) => {
      // What Next gives a Pages API route: the catch-all in req.query (body left unparsed here).
      Object.assign(req, { query: catchAllQuery(req.url) })
      void app.handler(req as NextApiRequest, res as NextApiResponse)
    })
    return { ...app, url }
  }

  it('records usage and returns the envelope', async () => {
    const { url } = await start()
    const response = await fetch(
      `${url}/api/flowglad/usage-events/create`,
      json({ usageMeterSlug: 'ai_tokens', amount: 9 }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      data: { usageEvent: { amount: 9 } },
      error: null,
    })
  })

  it('serves upstream react billing (POST {} without JSON content type)', async () => {
    const { url } = await start()
    const response = await fetch(`${url}/api/flowglad/customers/billing`, {
      method: 'POST',
      headers: { 'x-user': 'user_a' },
      body: '{}',
    })
    expect(response.status).toBe(200)
    expect((await response.json()).data.customer.externalId).toBe('user_a')
  })

  it('answers 401 with no API call, 405 for GET, 403 for a form post', async () => {
    const { url, apiCalls } = await start()
    expect(
      (await fetch(`${url}/api/flowglad/customers/billing`, { method: 'POST', body: '{}' })).status,
    ).toBe(401)
    expect(apiCalls).toEqual([])
    expect(
      (await fetch(`${url}/api/flowglad/customers/billing`, { headers: { 'x-user': 'user_a' } }))
        .status,
    ).toBe(405)
    const form = await fetch(`${url}/api/flowglad/usage-events/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-user': 'user_a' },
      body: 'usageMeterSlug=ai_tokens',
    })
    expect(form.status).toBe(403)
  })
})

const resolvers = [
  ['16', apiResolver16],
  ['15', apiResolver15 as unknown as typeof apiResolver16],
] as const

type ApiResolver = (typeof resolvers)[number][1]
type PagesModule = { default: ReturnType<typeof pagesRouteHandler>; config?: unknown }

/** A real server whose every request goes through Next's own API resolver to `module`. */
function listenBehind(
  apiResolver: ApiResolver,
  module: PagesModule,
  watch?: (req: IncomingMessage, res: ServerResponse) => void,
) {
  return listen((req, res) => {
    watch?.(req, res)
    void apiResolver(
      req,
      res,
      catchAllQuery(req.url),
      module,
      {
        previewModeId: 'id',
        previewModeEncryptionKey: 'key',
        previewModeSigningKey: 'sign',
        dev: false,
      },
      false,
    )
  })
}

describe.each(
  resolvers,
)('pagesRouteHandler behind Next %s’s own API resolver (body parsed by Next)', (_major, apiResolver) => {
  async function start() {
    const app = setup()
    const url = await listenBehind(apiResolver, { default: app.handler })
    return { ...app, url }
  }

  it('re-serialises the body Next parsed and answers the envelope', async () => {
    const { url } = await start()
    const response = await fetch(
      `${url}/api/flowglad/usage-events/create`,
      json({ usageMeterSlug: 'ai_tokens', amount: 4 }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ data: { usageEvent: { amount: 4 } } })
  })

  it('upstream billing with a text/plain body, and a foreign Origin refused', async () => {
    const { url } = await start()
    const billing = await fetch(`${url}/api/flowglad/customers/billing`, {
      method: 'POST',
      headers: { 'x-user': 'user_a' },
      body: '{}',
    })
    expect(billing.status).toBe(200)
    const foreign = await fetch(
      `${url}/api/flowglad/customers/find-or-create`,
      json({}, { origin: 'https://evil.test' }),
    )
    expect(foreign.status).toBe(403)
    expect((await foreign.json()).error.code).toBe('csrf_rejected')
  })
})

// With Next's body parser off, the body is streamed after sign-in and capped by maxBodyBytes.
for (const [major, apiResolver] of resolvers) {
  describeBodyLimit(`pagesRouteHandler, Next ${major}, bodyParser: false`, async (options) => {
    const { probes, watch } = probeBodies()
    const { handler } = setup(options)
    const config = { api: { bodyParser: false } }
    const url = await listenBehind(apiResolver, { default: handler, config }, watch)
    return { url, probes }
  })
}
