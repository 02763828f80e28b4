// @vitest-environment edge-runtime
import { describe, expect, it } from 'vitest'
import { createFakeFlowglad } from '../../test/handler/fake-flowglad.js'
import { readEnvelope } from '../../test/handler/requests.js'
import { supabaseEdgeHandler } from './index.js'

const functionUrl = 'https://project.supabase.co/functions/v1/flowglad'

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

function handlerFor(options: Partial<Parameters<typeof supabaseEdgeHandler>[0]> = {}) {
  const fakes = new Map<string, ReturnType<typeof createFakeFlowglad>>()
  const handler = supabaseEdgeHandler({
    getCustomerExternalId: (request) => request.headers.get('x-user'),
    flowglad: (id) => {
      const fake = createFakeFlowglad(id)
      fakes.set(id, fake)
      return fake
    },
    ...options,
  })
  return { handler, fakes }
}

describe('supabaseEdgeHandler in the edge-runtime VM', () => {
  it('really runs in the edge-runtime VM', () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe('string')
  })

  it('serves an action under /functions/v1/<fn>/ with the core envelope', async () => {
    const { handler, fakes } = handlerFor()
    const response = await handler(
      post(
        `${functionUrl}/usage-events/create`,
        { usageMeterSlug: 'ai_tokens', amount: 2 },
        {
          'x-user': 'user_edge',
        },
      ),
    )
    expect(response.status).toBe(200)
    const { data, error } = await readEnvelope(response)
    expect(error).toBeNull()
    expect(data).toMatchObject({ usageEvent: { amount: 2, subscriptionId: 'sub_own' } })
    expect(fakes.get('user_edge')?.calls.map((call) => call.method)).toContain('createUsageEvent')
  })

  it('with basePath (a custom domain or proxy), reads the action after it', async () => {
    const url = 'https://api.example/edge/billing/customers/billing'
    const withBase = handlerFor({ basePath: '/edge/billing' }).handler
    expect((await withBase(post(url, {}, { 'x-user': 'user_edge' }))).status).toBe(200)
    const withoutBase = handlerFor().handler
    expect((await withoutBase(post(url, {}, { 'x-user': 'user_edge' }))).status).toBe(404)
  })

  it("answers the core's errors: 401 signed out, 404 unknown action, 400 bad input", async () => {
    const { handler, fakes } = handlerFor()
    const signedOut = await handler(post(`${functionUrl}/customers/billing`, {}))
    expect(signedOut.status).toBe(401)
    expect((await readEnvelope(signedOut)).error?.code).toBe('unauthenticated')
    const unknown = await handler(post(`${functionUrl}/no-such`, {}, { 'x-user': 'u' }))
    expect(unknown.status).toBe(404)
    const invalid = await handler(
      post(`${functionUrl}/usage-events/create`, { amount: 'lots' }, { 'x-user': 'u' }),
    )
    expect(invalid.status).toBe(400)
    expect((await readEnvelope(invalid)).error?.code).toBe('validation_error')
    expect(fakes.size).toBe(0)
  })

  it('a browser on another origin needs allowedOrigins (the CSRF guard stays on)', async () => {
    const fromApp = { 'x-user': 'u', origin: 'https://app.example' }
    const refused = await handlerFor().handler(
      post(`${functionUrl}/customers/billing`, {}, fromApp),
    )
    expect(refused.status).toBe(403)
    expect((await readEnvelope(refused)).error?.code).toBe('csrf_rejected')
    const allowed = await handlerFor({ allowedOrigins: ['https://app.example'] }).handler(
      post(`${functionUrl}/customers/billing`, {}, fromApp),
    )
    expect(allowed.status).toBe(200)
  })
})
