import { NextRequest as NextRequest16 } from 'next/server'
import { NextRequest as NextRequest15 } from 'next15/server'
import { describe, expect, it } from 'vitest'
import { emulatorBackedFlowglad } from '../test/fake-app.js'
import { nextRouteHandler } from './next-route-handler.js'

const origin = 'http://app.test'

function setup() {
  const backend = emulatorBackedFlowglad()
  const seen: unknown[] = []
  const route = nextRouteHandler({
    getCustomerExternalId: (req) => {
      seen.push(req)
      return req.headers.get('x-user')
    },
    flowglad: backend.flowglad,
  })
  return { ...backend, route, seen }
}

// The adapter only imports types from next; run it against the real request class of both
// majors it supports at run time.
const nextVersions = [
  ['16', NextRequest16],
  ['15', NextRequest15 as unknown as typeof NextRequest16],
] as const

describe.each(nextVersions)('nextRouteHandler (App Router) with Next %s', (_major, NextRequest) => {
  function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return new NextRequest(`${origin}/api/flowglad/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-user': 'user_a', ...headers },
      body: JSON.stringify(body),
    })
  }

  it('exports the same function as GET and POST', () => {
    const { route } = setup()
    expect(route.GET).toBe(route.POST)
  })

  it('Next 15/16: awaits Promise params and records usage', async () => {
    const { route, seen } = setup()
    const request = post('usage-events/create', { usageMeterSlug: 'ai_tokens', amount: 3 })
    const response = await route.POST(request, {
      params: Promise.resolve({ path: ['usage-events', 'create'] }),
    })
    expect(response.status).toBe(200)
    const envelope = await response.json()
    expect(envelope).toMatchObject({ data: { usageEvent: { amount: 3 } }, error: null })
    expect(seen[0]).toBe(request)
    expect(seen[0]).toBeInstanceOf(NextRequest)
  })

  it('Next 14: accepts plain-object params', async () => {
    const { route } = setup()
    const response = await route.POST(post('customers/billing', {}), {
      params: { path: ['customers', 'billing'] },
    })
    expect(response.status).toBe(200)
    expect((await response.json()).data.customer.externalId).toBe('user_a')
  })

  it('the params path wins over the URL (the catch-all may live under any folder)', async () => {
    const { route } = setup()
    const request = new NextRequest(`${origin}/billing/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'user_a' },
      body: '{}',
    })
    const response = await route.POST(request, {
      params: Promise.resolve({ path: ['customers', 'find-or-create'] }),
    })
    expect((await response.json()).data.customer.externalId).toBe('user_a')
  })

  it('[[...path]] with no segments (params {}) falls back to the URL', async () => {
    const { route } = setup()
    const response = await route.POST(post('customers/billing', {}), {
      params: Promise.resolve({}),
    })
    expect(response.status).toBe(200)
    expect((await response.json()).data.customer.externalId).toBe('user_a')
  })

  it('without a context falls back to the URL under /api/flowglad', async () => {
    const { route } = setup()
    expect((await route.POST(post('customers/billing', {}))).status).toBe(200)
  })

  it('GET answers a 405 envelope; unknown paths 404; anonymous 401 with no API call', async () => {
    const { route, apiCalls } = setup()
    const get = await route.GET(new NextRequest(`${origin}/api/flowglad/customers/billing`), {
      params: Promise.resolve({ path: ['customers', 'billing'] }),
    })
    expect(get.status).toBe(405)
    expect(await get.json()).toMatchObject({ data: null, error: { code: 'method_not_allowed' } })
    const unknown = await route.POST(post('x/y', {}), {
      params: Promise.resolve({ path: ['x', 'y'] }),
    })
    expect(unknown.status).toBe(404)
    const anonymous = await route.POST(post('customers/billing', {}, { 'x-user': '' }), {
      params: Promise.resolve({ path: ['customers', 'billing'] }),
    })
    expect(anonymous.status).toBe(401)
    expect(apiCalls).toEqual([])
  })

  it('refuses a cross-site text/plain post', async () => {
    const { route } = setup()
    const request = new NextRequest(`${origin}/api/flowglad/subscriptions/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.test', 'x-user': 'user_a' },
      body: '{"id":"sub_1","cancellation":{"timing":"immediately"}}',
    })
    const response = await route.POST(request, {
      params: Promise.resolve({ path: ['subscriptions', 'cancel'] }),
    })
    expect(response.status).toBe(403)
    expect((await response.json()).error.code).toBe('csrf_rejected')
  })
})
