import { FlowgladError } from '@flowglad/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { errorCodeForStatus, FlowgladApiError, isApiConflict, isApiNotFound } from './api-error.js'
import { redactSecret } from './redact.js'
import { apiPath, FlowgladRestClient } from './rest-client.js'
import { retryAfterMs } from './retry-policy.js'

// What callers and READMEs rely on, pinned exactly: status → code, the helpers' rules, every
// message the client builds, apiPath's checks and the Retry-After parsing.

type Step = Response | Error | 'hang'

function client(steps: Step[], options: { maxRetries?: number; timeout?: number } = {}) {
  const calls: RequestInit[] = []
  const fetchImpl = async (_input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(init ?? {})
    const step = steps.shift()
    if (step === undefined) throw new Error('unexpected extra call')
    if (step === 'hang') return new Promise<Response>(() => undefined)
    if (step instanceof Error) throw step
    return step
  }
  const rest = new FlowgladRestClient({
    apiKey: 'sk_test_secret',
    baseURL: 'https://api.test',
    fetch: fetchImpl as typeof fetch,
    ...options,
  })
  return { rest, calls }
}

const caught = (promise: Promise<unknown>) => promise.catch((error: unknown) => error)

describe('errorCodeForStatus and the API error helpers', () => {
  it('maps every status as the README table says', () => {
    const table: [number, string][] = [
      [400, 'validation_error'],
      [401, 'internal_error'],
      [402, 'internal_error'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [405, 'internal_error'],
      [408, 'upstream_unavailable'],
      [409, 'conflict'],
      [410, 'internal_error'],
      [422, 'validation_error'],
      [429, 'rate_limited'],
      [499, 'internal_error'],
      [500, 'upstream_unavailable'],
      [503, 'upstream_unavailable'],
      [599, 'upstream_unavailable'],
    ]
    for (const [status, code] of table)
      expect([status, errorCodeForStatus(status)]).toEqual([status, code])
  })

  const apiError = (status: number, apiCode: string | undefined) =>
    new FlowgladApiError({ status, apiCode, requestId: undefined, body: null, message: 'm' })

  it('isApiNotFound / isApiConflict: the body code wins, the status counts only without one', () => {
    expect(isApiNotFound(apiError(404, undefined))).toBe(true)
    expect(isApiNotFound(apiError(400, 'NOT_FOUND'))).toBe(true)
    expect(isApiNotFound(apiError(404, 'GONE'))).toBe(false)
    expect(isApiNotFound(apiError(409, undefined))).toBe(false)
    expect(isApiConflict(apiError(409, undefined))).toBe(true)
    expect(isApiConflict(apiError(400, 'CONFLICT'))).toBe(true)
    expect(isApiConflict(apiError(409, 'NOT_FOUND'))).toBe(false)
    expect(isApiNotFound(new FlowgladError('not_found', 'x'))).toBe(false)
    expect(isApiConflict({ apiCode: 'CONFLICT', status: 409 })).toBe(false)
  })

  it('a message given as undefined by a JavaScript caller is an empty message', () => {
    const error = new FlowgladApiError({
      status: 500,
      apiCode: undefined,
      requestId: undefined,
      body: null,
      message: undefined as unknown as string,
      secret: 'sk',
    })
    expect(error.message).toBe('')
  })

  it('redacts object keys but leaves array indexes alone', () => {
    expect(redactSecret({ list: ['a', 'b'], k1: 'v1' }, '1')).toEqual({
      list: ['a', 'b'],
      'k[redacted]': 'v[redacted]',
    })
  })
})

describe('the messages of API errors', () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers })

  const text = (value: unknown) => JSON.stringify(value)

  it.each([
    [
      404,
      text({ error: 'no such customer', code: 'NOT_FOUND' }),
      '404 NOT_FOUND on GET /api/v1/x: no such customer',
    ],
    [400, text({ message: 'bad' }), '400 on GET /api/v1/x: bad'],
    [
      400,
      text({ error: [{ message: 'a' }, 7, null, { message: 'b' }] }),
      '400 on GET /api/v1/x: a; b',
    ],
    [400, text({ error: [{ path: [] }], message: 'fallback' }), '400 on GET /api/v1/x: fallback'],
    [403, text({ code: 'FORBIDDEN' }), '403 FORBIDDEN on GET /api/v1/x: no error message'],
    [409, text([1, 2]), '409 on GET /api/v1/x: no error message'],
    [404, '', '404 on GET /api/v1/x: no error message'],
    [404, '  \n', '404 on GET /api/v1/x: no error message'],
    [404, '  plain words \n', '404 on GET /api/v1/x: plain words'],
    [
      401,
      text({ error: 'bad key' }),
      'rejected the secret key (401) on GET /api/v1/x: check apiKey / FLOWGLAD_SECRET_KEY',
    ],
  ])('%i %j', async (status, body, message) => {
    const { rest } = client([new Response(body, { status })])
    const error = (await caught(rest.get('/api/v1/x'))) as FlowgladApiError
    expect(error).toBeInstanceOf(FlowgladApiError)
    expect(error.message).toBe(`Flowglad API ${message}`)
  })

  it('an empty body is null; requestId from the body wins over X-Request-Id; retryAfterMs kept', async () => {
    const { rest } = client([
      json(
        409,
        { code: 'CONFLICT', request_id: 'req_body' },
        { 'x-request-id': 'req_header', 'retry-after': '2' },
      ),
      new Response('', { status: 404, headers: { 'x-request-id': 'req_header' } }),
    ])
    const first = (await caught(rest.get('/api/v1/x'))) as FlowgladApiError
    expect(first).toMatchObject({ requestId: 'req_body', apiCode: 'CONFLICT', retryAfterMs: 2000 })
    expect(first.details).toEqual({ status: 409, apiCode: 'CONFLICT', requestId: 'req_body' })
    const second = (await caught(rest.get('/api/v1/x'))) as FlowgladApiError
    expect(second).toMatchObject({ body: null, requestId: 'req_header', apiCode: undefined })
    expect(second.retryAfterMs).toBeUndefined()
  })

  it('a 2xx with an empty body answers null', async () => {
    const { rest } = client([new Response('', { status: 200 })])
    await expect(rest.post('/api/v1/x', {})).resolves.toBeNull()
  })
})

describe('the messages of transient failures (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0)
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('unreachable, with one attempt and with several', async () => {
    const once = client([new TypeError('fetch failed')], { maxRetries: 0 })
    const single = (await caught(once.rest.get('/api/v1/x'))) as FlowgladError
    expect(single.message).toBe('Flowglad API could not be reached (GET /api/v1/x, 1 attempt)')
    expect(single.details).toEqual({ attempts: 1, timedOut: false })

    const thrice = client([new TypeError('a'), new TypeError('b'), new TypeError('c')])
    const result = caught(thrice.rest.post('/api/v1/y', { a: 1 }))
    await vi.advanceTimersByTimeAsync(10)
    const several = (await result) as FlowgladError
    expect(several.message).toBe('Flowglad API could not be reached (POST /api/v1/y, 3 attempts)')
    expect(several.cause).toMatchObject({ message: 'c' })
  })

  it('timed out: the reason fetch sees, the message and the details', async () => {
    const { rest, calls } = client(['hang'], { maxRetries: 0, timeout: 50 })
    const result = caught(rest.get('/api/v1/x'))
    await vi.advanceTimersByTimeAsync(50)
    const error = (await result) as FlowgladError
    expect(error.message).toBe('Flowglad API timed out after 50 ms (GET /api/v1/x, 1 attempt)')
    expect(error.details).toEqual({ attempts: 1, timedOut: true })
    expect(error.cause).toMatchObject({
      name: 'TimeoutError',
      message: 'Request timed out after 50 ms',
    })
    expect(calls[0]?.signal?.reason).toBe(error.cause)
  })

  it('a 2xx that is not JSON', async () => {
    const { rest } = client(
      [new Response('<html>', { status: 200 }), new Response('oops', { status: 201 })],
      {
        maxRetries: 1,
      },
    )
    const result = caught(rest.get('/api/v1/x'))
    await vi.advanceTimersByTimeAsync(10)
    const error = (await result) as FlowgladError
    expect(error.message).toBe(
      'Flowglad API answered 201 with a body that is not JSON (GET /api/v1/x, 2 attempts)',
    )
    expect(error.details).toEqual({ attempts: 2, status: 201 })
    expect(error.cause).toBeUndefined()
  })

  it('a caller abort during a hanging attempt rejects with its reason at once', async () => {
    const controller = new AbortController()
    const { rest, calls } = client(['hang', 'hang'])
    const result = caught(rest.get('/api/v1/x', {}, { signal: controller.signal }))
    await vi.advanceTimersByTimeAsync(10)
    controller.abort('stop')
    expect(await result).toBe('stop')
    expect(calls).toHaveLength(1)
    expect(calls[0]?.signal?.aborted).toBe(true)
  })

  it('an already aborted signal sends nothing', async () => {
    const { rest, calls } = client([])
    expect(await caught(rest.get('/api/v1/x', {}, { signal: AbortSignal.abort('early') }))).toBe(
      'early',
    )
    expect(calls).toEqual([])
  })
})

describe('apiPath', () => {
  it('prefixes /api/v1 and encodes every value, numbers included', () => {
    expect(apiPath`/customers`).toBe('/api/v1/customers')
    expect(apiPath`/customers/${'a b/c'}/billing`).toBe('/api/v1/customers/a%20b%2Fc/billing')
    expect(apiPath`/x/${7}/${'y'}`).toBe('/api/v1/x/7/y')
    expect(apiPath`${'lead'}/tail`).toBe('/api/v1lead/tail')
  })

  it.each([
    ['', 'got ""'],
    ['  ', 'got "  "'],
    [Number.NaN, 'got NaN'],
    [Number.POSITIVE_INFINITY, 'got Infinity'],
    [null, 'got null'],
    [undefined, 'got undefined'],
    [{}, 'got object'],
    [true, 'got boolean'],
  ])('%j is a validation_error naming the route', (value, got) => {
    const build = () => apiPath`/customers/${value as string}/archive`
    expect(build).toThrow(FlowgladError)
    expect(build).toThrow(
      `Invalid id in /api/v1/customers/{id}/archive: expected a non-empty string, ${got}`,
    )
  })
})

describe('retryAfterMs edge cases', () => {
  it('a blank or invalid retry-after-ms falls back to Retry-After', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': ' ', 'retry-after': '2' }))).toBe(2000)
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '-5', 'retry-after': '1' }))).toBe(1000)
    expect(retryAfterMs(new Headers({ 'retry-after-ms': 'x', 'retry-after': '1' }))).toBe(1000)
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '0' }))).toBe(0)
  })

  it('blank, negative or unparsable Retry-After is absent; a past date is 0', () => {
    const now = Date.parse('2025-01-01T00:00:10Z')
    expect(retryAfterMs(new Headers({ 'retry-after': '  ' }))).toBeUndefined()
    expect(retryAfterMs(new Headers({ 'retry-after': 'Infinity' }))).toBeUndefined()
    expect(retryAfterMs(new Headers({ 'retry-after': ' 1.5 ' }))).toBe(1500)
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:00 GMT' }), now)).toBe(
      0,
    )
  })
})
