import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { queryErrors, requestBodyErrors } from './openapi.js'

export const BASE_URL = 'https://api.flowglad.test'
export const API_KEY = 'sk_test_wire_key'

export interface RecordedCall {
  method: string
  path: string
  query: Record<string, string>
  headers: Headers
  body: unknown
}

export interface Reply {
  status?: number
  body?: unknown
  headers?: Record<string, string>
}

type Method = 'GET' | 'POST' | 'PUT'

/**
 * An msw server for one test file: `on('POST /api/v1/usage-events', reply...)` registers a route
 * for the current test (replies are played in order, the last one repeats); every call is
 * recorded and every request body and query string is checked against the OpenAPI document after
 * each test.
 */
export function useMockApi() {
  const server = setupServer()
  const calls: RecordedCall[] = []

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    const invalid = calls.flatMap((call) =>
      [
        ...requestBodyErrors(call.method, call.path, call.body),
        ...queryErrors(call.method, call.path, call.query),
      ].map((error) => `${call.method} ${call.path}: ${error}`),
    )
    calls.length = 0
    server.resetHandlers()
    expect(invalid, 'requests must match the OpenAPI document').toEqual([])
  })
  afterAll(() => server.close())

  function on(
    route: `${Method} /api/v1/${string}`,
    ...replies: (Reply | ((call: RecordedCall) => Reply))[]
  ) {
    const [method, path] = route.split(' ') as [Method, string]
    const queue = [...replies]
    const handler = http[method.toLowerCase() as 'get' | 'post' | 'put']
    server.use(
      handler(`${BASE_URL}${path}`, async ({ request }) => {
        const url = new URL(request.url)
        const text = await request.text()
        const call: RecordedCall = {
          method: request.method,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers: request.headers,
          body: text === '' ? undefined : JSON.parse(text),
        }
        calls.push(call)
        const next = queue.length > 1 ? queue.shift() : queue[0]
        const reply = typeof next === 'function' ? next(call) : (next ?? {})
        return HttpResponse.json(reply.body ?? {}, {
          status: reply.status ?? 200,
          headers: { 'x-request-id': 'req00001', ...reply.headers },
        })
      }),
    )
  }

  /** Calls as `METHOD /path` strings, for order assertions. */
  const routes = () => calls.map((call) => `${call.method} ${call.path}`)

  return { server, calls, on, routes }
}

export const apiError = (status: number, code: string, error = code): Reply => ({
  status,
  body: { error, code, request_id: 'req00002' },
})
