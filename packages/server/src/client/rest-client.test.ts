import { FlowgladError } from '@flowglad/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FlowgladApiError } from './api-error.js'
import { FlowgladRestClient } from './rest-client.js'

type Step = Response | Error | 'hang'

/** A fetch that plays a script of answers, one per call, and records every call. */
function scriptedFetch(steps: Step[]) {
  const calls: { url: string; init: RequestInit | undefined }[] = []
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init })
    const step = steps.shift()
    if (step === undefined) throw new Error('unexpected extra call')
    if (step === 'hang') return new Promise<Response>(() => undefined)
    if (step instanceof Error) throw step
    return step
  })
  return { fetch: fetchImpl as unknown as typeof fetch, calls }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })

function client(steps: Step[], options: { maxRetries?: number; timeout?: number } = {}) {
  const scripted = scriptedFetch(steps)
  const rest = new FlowgladRestClient({
    apiKey: 'sk_test_secret',
    baseURL: 'https://api.test/',
    fetch: scripted.fetch,
    ...options,
  })
  return { rest, ...scripted }
}

describe('retry policy (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('retries a 503 and returns the success, sending the same body both times', async () => {
    const { rest, calls } = client([json(503, { error: 'down' }), json(200, { ok: 1 })])
    const result = rest.post('/api/v1/usage-events', { usageEvent: { transactionId: 't1' } })
    await vi.advanceTimersByTimeAsync(250) // backoff: random 0.5 × 500 ms
    await expect(result).resolves.toEqual({ ok: 1 })
    expect(calls).toHaveLength(2)
    expect(calls[0]?.init?.body).toBe(calls[1]?.init?.body)
  })

  it('honours Retry-After on a 429 before the second attempt', async () => {
    const { rest, calls } = client([
      json(429, { error: 'slow down', code: 'TOO_MANY_REQUESTS' }, { 'retry-after': '5' }),
      json(200, { ok: 2 }),
    ])
    const result = rest.get('/api/v1/usage-meters')
    await vi.advanceTimersByTimeAsync(4_999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toEqual({ ok: 2 })
    expect(calls).toHaveLength(2)
  })

  it('honours retry-after-ms over Retry-After', async () => {
    const { rest, calls } = client([
      json(503, {}, { 'retry-after-ms': '1200', 'retry-after': '30' }),
      json(200, {}),
    ])
    const result = rest.get('/api/v1/x')
    await vi.advanceTimersByTimeAsync(1_199)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await result
    expect(calls).toHaveLength(2)
  })

  it('times out a hanging attempt (default 30 s) and retries', async () => {
    const { rest, calls } = client(['hang', json(200, { ok: 3 })])
    const result = rest.get('/api/v1/x')
    await vi.advanceTimersByTimeAsync(29_999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1 + 250)
    await expect(result).resolves.toEqual({ ok: 3 })
    expect(calls[0]?.init?.signal?.aborted).toBe(true)
  })

  it('applies a per-call timeout over the client one', async () => {
    const { rest } = client(['hang', 'hang'], { maxRetries: 0, timeout: 5_000 })
    const perCall = rest.get('/api/v1/x', {}, { timeout: 100 })
    const perCallAssertion = expect(perCall).rejects.toMatchObject({
      code: 'upstream_unavailable',
      message: expect.stringContaining('timed out after 100 ms'),
    })
    await vi.advanceTimersByTimeAsync(100)
    await perCallAssertion
    const perClient = rest.get('/api/v1/x')
    const perClientAssertion = expect(perClient).rejects.toMatchObject({
      message: expect.stringContaining('timed out after 5000 ms'),
    })
    await vi.advanceTimersByTimeAsync(5_000)
    await perClientAssertion
  })

  it('retries a connection reset', async () => {
    const reset = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    })
    const { rest, calls } = client([reset, json(200, { ok: 4 })])
    const result = rest.get('/api/v1/x')
    await vi.advanceTimersByTimeAsync(250)
    await expect(result).resolves.toEqual({ ok: 4 })
    expect(calls).toHaveLength(2)
  })

  it.each([
    [400, 'BAD_REQUEST', 'validation_error'],
    [404, 'NOT_FOUND', 'not_found'],
    [409, 'CONFLICT', 'conflict'],
  ])('never retries a %i', async (status, apiCode, code) => {
    const { rest, calls } = client([
      json(status, { error: 'nope', code: apiCode, request_id: 'req12345' }),
    ])
    const error = await rest.post('/api/v1/usage-events', {}).catch((caught: unknown) => caught)
    expect(calls).toHaveLength(1)
    expect(error).toBeInstanceOf(FlowgladApiError)
    expect(error).toMatchObject({ status, apiCode, code, requestId: 'req12345' })
  })

  it('throws a typed error once retries are exhausted (5xx)', async () => {
    const { rest, calls } = client([json(502, {}), json(503, {}), json(500, { error: 'boom' })])
    const result = rest.get('/api/v1/x')
    const assertion = expect(result).rejects.toMatchObject({
      name: 'FlowgladApiError',
      code: 'upstream_unavailable',
      status: 500,
    })
    await vi.advanceTimersByTimeAsync(10_000)
    await assertion
    expect(calls).toHaveLength(3)
  })

  it('throws upstream_unavailable once retries are exhausted (network)', async () => {
    const { rest, calls } = client([new TypeError('fetch failed'), new TypeError('fetch failed')], {
      maxRetries: 1,
    })
    const result = rest.get('/api/v1/x')
    const assertion = expect(result).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof FlowgladError &&
        !(error instanceof FlowgladApiError) &&
        error.code === 'upstream_unavailable' &&
        error.cause instanceof TypeError,
    )
    await vi.advanceTimersByTimeAsync(10_000)
    await assertion
    expect(calls).toHaveLength(2)
  })

  it('a 2xx whose body is not JSON is retried, then upstream_unavailable', async () => {
    const garbled = () => new Response('{"usageEvent": {"id"', { status: 200 })
    const recovered = client([garbled(), json(200, { ok: 1 })])
    const result = recovered.rest.post('/api/v1/usage-events', { usageEvent: {} })
    await vi.advanceTimersByTimeAsync(250)
    await expect(result).resolves.toEqual({ ok: 1 })
    expect(recovered.calls).toHaveLength(2)

    const broken = client([garbled()], { maxRetries: 0 })
    await expect(broken.rest.get('/api/v1/x')).rejects.toMatchObject({
      code: 'upstream_unavailable',
      details: { attempts: 1, status: 200 },
    })
  })

  it('maxRetries 0 disables retries', async () => {
    const { rest, calls } = client([json(503, {})], { maxRetries: 0 })
    await expect(rest.get('/api/v1/x')).rejects.toMatchObject({ status: 503 })
    expect(calls).toHaveLength(1)
  })

  it('rate_limited after the last 429', async () => {
    const { rest } = client([json(429, {}), json(429, {})], { maxRetries: 1 })
    const result = rest.get('/api/v1/x')
    const assertion = expect(result).rejects.toMatchObject({ code: 'rate_limited', status: 429 })
    await vi.advanceTimersByTimeAsync(10_000)
    await assertion
  })

  it('a caller abort stops the retries', async () => {
    const controller = new AbortController()
    const { rest, calls } = client([json(503, {}), json(200, {})])
    const result = rest.get('/api/v1/x', {}, { signal: controller.signal })
    const assertion = expect(result).rejects.toBe('stop')
    await vi.advanceTimersByTimeAsync(0)
    controller.abort('stop')
    await assertion
    expect(calls).toHaveLength(1)
  })
})

describe('wire basics', () => {
  const env = (globalThis as { process: { env: Record<string, string | undefined> } }).process.env
  const saved = { ...env }
  afterEach(() => {
    env.FLOWGLAD_SECRET_KEY = saved.FLOWGLAD_SECRET_KEY
    env.FLOWGLAD_BASE_URL = saved.FLOWGLAD_BASE_URL
    if (saved.FLOWGLAD_SECRET_KEY === undefined) delete env.FLOWGLAD_SECRET_KEY
    if (saved.FLOWGLAD_BASE_URL === undefined) delete env.FLOWGLAD_BASE_URL
  })

  it('sends the raw key, JSON content type, and joins base URL and path', async () => {
    const { rest, calls } = client([json(200, {})])
    await rest.put('/api/v1/customers/a%20b', { customer: {} })
    const headers = new Headers(calls[0]?.init?.headers)
    expect(calls[0]?.url).toBe('https://api.test/api/v1/customers/a%20b')
    expect(calls[0]?.init?.method).toBe('PUT')
    expect(headers.get('authorization')).toBe('sk_test_secret')
    expect(headers.get('content-type')).toBe('application/json')
  })

  it('reads key and base URL from the environment', async () => {
    env.FLOWGLAD_SECRET_KEY = 'sk_test_from_env'
    env.FLOWGLAD_BASE_URL = 'https://env.example/'
    const scripted = scriptedFetch([json(200, {})])
    await new FlowgladRestClient({ fetch: scripted.fetch }).get('/api/v1/x', { a: 1, b: undefined })
    expect(scripted.calls[0]?.url).toBe('https://env.example/api/v1/x?a=1')
    expect(new Headers(scripted.calls[0]?.init?.headers).get('authorization')).toBe(
      'sk_test_from_env',
    )
  })

  it('defaults the base URL to https://app.flowglad.com', () => {
    delete env.FLOWGLAD_BASE_URL
    expect(new FlowgladRestClient({ apiKey: 'sk_test_x' }).config.baseURL).toBe(
      'https://app.flowglad.com',
    )
  })

  it('a missing key fails at the first call, naming both sources', async () => {
    delete env.FLOWGLAD_SECRET_KEY
    const scripted = scriptedFetch([])
    const rest = new FlowgladRestClient({ fetch: scripted.fetch })
    const error = await rest.get('/api/v1/x').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(FlowgladError)
    expect((error as Error).message).toMatch(/apiKey/)
    expect((error as Error).message).toMatch(/FLOWGLAD_SECRET_KEY/)
    expect(scripted.calls).toHaveLength(0)
  })

  it('survives a non-JSON error body and keeps the raw text', async () => {
    const { rest } = client([new Response('<html>Bad Gateway</html>', { status: 400 })])
    const error = (await rest
      .get('/api/v1/x')
      .catch((caught: unknown) => caught)) as FlowgladApiError
    expect(error).toBeInstanceOf(FlowgladApiError)
    expect(error.body).toBe('<html>Bad Gateway</html>')
    expect(error.apiCode).toBeUndefined()
  })

  it('joins zod issue messages and takes request_id from the body or X-Request-Id', async () => {
    const { rest } = client([
      json(
        400,
        { error: [{ message: 'amount too small' }], code: 'BAD_REQUEST' },
        {
          'x-request-id': 'hdr00001',
        },
      ),
    ])
    const error = (await rest
      .get('/api/v1/x')
      .catch((caught: unknown) => caught)) as FlowgladApiError
    expect(error.message).toContain('amount too small')
    expect(error.requestId).toBe('hdr00001')
  })

  it('a 401 is internal_error and its message never contains the key', async () => {
    const { rest } = client([new Response('API key invalid: sk_test_secret', { status: 401 })])
    const error = (await rest
      .get('/api/v1/x')
      .catch((caught: unknown) => caught)) as FlowgladApiError
    expect(error.code).toBe('internal_error')
    expect(error.status).toBe(401)
    expect(error.message).not.toContain('sk_test_secret')
  })

  it.each([
    [403, 'forbidden'],
    [422, 'validation_error'],
  ])('maps %i to %s', async (status, code) => {
    const { rest } = client([json(status, { error: 'x' })])
    await expect(rest.get('/api/v1/x')).rejects.toMatchObject({ code, status })
  })

  it('rejects bad client options up front', () => {
    expect(() => new FlowgladRestClient({ maxRetries: -1 })).toThrow(/maxRetries/)
    expect(() => new FlowgladRestClient({ timeout: 1.5 })).toThrow(/timeout/)
  })
})

describe('bodies JSON cannot write', () => {
  const deep = () => {
    let value: Record<string, unknown> = {}
    for (let level = 0; level < 200_000; level++) value = { a: value }
    return value
  }
  const circular = () => {
    const value: Record<string, unknown> = {}
    value.self = value
    return value
  }

  it.each([
    ['a BigInt', () => ({ n: 10n }), /BigInt/],
    ['a cycle', circular, /circular/i],
    ['nesting deeper than the stack', deep, /nests too deeply/],
  ])('%s is validation_error and nothing is sent', async (_name, body, reason) => {
    const { rest, calls } = client([json(200, {})])
    const error = (await rest
      .post('/api/v1/usage-events', body())
      .catch((thrown: unknown) => thrown)) as FlowgladError
    expect(error).toBeInstanceOf(FlowgladError)
    expect(error.code).toBe('validation_error')
    expect(error.message).toMatch(/cannot be serialised as JSON/)
    expect(error.message).toMatch(reason)
    expect(calls).toEqual([])
  })
})
