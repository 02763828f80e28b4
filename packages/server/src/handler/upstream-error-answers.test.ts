import { describe, expect, it, vi } from 'vitest'
import { jsonPost, readEnvelope } from '../../test/handler/requests.js'
import { FlowgladServer } from '../server/flowglad-server.js'
import { createFlowgladHandler } from './create-flowglad-handler.js'

const apiKey = 'sk_test_upstream_secret'
const stackTrace =
  'TypeError: Cannot read properties of undefined\n    at handler (/srv/app/api/billing.ts:42:7)'
const sqlLeak =
  'duplicate key value violates unique constraint "customers_email_key" DETAIL: Key (email)=(victim@other.test) already exists. SELECT * FROM customers'

/** The whole server path (handler → FlowgladServer → REST client) against a crafted API. */
function appAgainst(answer: () => Response) {
  const onError = vi.fn()
  const handler = createFlowgladHandler({
    getCustomerExternalId: () => 'user_a',
    flowglad: (customerExternalId) =>
      new FlowgladServer({
        customerExternalId,
        getCustomerDetails: () => ({ name: 'A', email: 'a@example.test' }),
        apiKey,
        baseURL: 'https://api.upstream.test',
        fetch: (async () => answer()) as typeof fetch,
        maxRetries: 0,
        ownershipCacheTtlMs: 0,
      }),
    onError,
  })
  return { handler, onError }
}

const reply =
  (status: number, body: unknown, requestId = 'req_abc123') =>
  () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    })

describe('upstream error text never reaches the browser', () => {
  it.each([
    ['a 500 carrying a stack trace', reply(500, { error: stackTrace, code: 'INTERNAL' })],
    ['a 503 carrying SQL with another customer email', reply(503, { error: sqlLeak })],
    ['a 500 with a plain-text body', reply(500, stackTrace)],
  ])('%s → 502 with a generic message, the code and the request id', async (_name, answer) => {
    const { handler, onError } = appAgainst(answer)
    const response = await handler(jsonPost('customers/billing', {}))
    const text = await response.clone().text()
    expect(response.status).toBe(502)
    for (const leak of ['billing.ts', 'TypeError', 'victim@other.test', 'SELECT', 'constraint']) {
      expect(text).not.toContain(leak)
    }
    const { error } = await readEnvelope(response)
    expect(error?.code).toBe('upstream_unavailable')
    expect(error?.json.message).toBe('Flowglad is unavailable right now, try again later')
    expect(error?.json.requestId).toBe('req_abc123')
    // The raw text is still there for the app's logs.
    expect(onError).toHaveBeenCalledTimes(1)
    expect(String((onError.mock.calls[0]?.[0] as Error).message)).toMatch(/TypeError|victim/)
  })

  it('a 4xx answer keeps its catalogue code but not the API text', async () => {
    const { handler } = appAgainst(
      reply(400, { error: `bad input near ${sqlLeak}`, code: 'BAD_REQUEST' }),
    )
    const response = await handler(jsonPost('customers/billing', {}))
    expect(response.status).toBe(400)
    expect(await readEnvelope(response)).toEqual({
      data: null,
      error: {
        code: 'validation_error',
        json: {
          message: 'The Flowglad API refused the request as invalid',
          apiCode: 'BAD_REQUEST',
          requestId: 'req_abc123',
        },
      },
    })
  })

  it('drops an API code or request id that is not a plain token', async () => {
    const { handler } = appAgainst(() =>
      Response.json(
        { error: 'x', code: 'see victim@other.test' },
        {
          status: 500,
          headers: { 'x-request-id': 'req <script>alert(1)</script>' },
        },
      ),
    )
    const { error } = await readEnvelope(await handler(jsonPost('customers/billing', {})))
    expect(error?.json).toEqual({ message: 'Flowglad is unavailable right now, try again later' })
  })

  it('the secret key echoed in every field of the API answer reaches neither browser nor logs', async () => {
    const { handler, onError } = appAgainst(
      reply(500, { error: `key ${apiKey}`, code: apiKey, request_id: apiKey, echo: { apiKey } }),
    )
    const response = await handler(jsonPost('customers/billing', {}))
    expect(await response.text()).not.toContain(apiKey)
    const logged = onError.mock.calls[0]?.[0]
    const { inspect } = await import('node:util')
    expect(inspect(logged, { depth: 10 })).not.toContain(apiKey)
    expect(JSON.stringify(logged)).not.toContain(apiKey)
  })
})
