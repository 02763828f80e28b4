import { FlowgladError, type FlowgladErrorCode, flowgladErrorCatalogue } from '@flowglad/shared'
import { describe, expect, it, vi } from 'vitest'
import { createFakeFlowglad } from '../../test/handler/fake-flowglad.js'
import {
  appOrigin,
  jsonPost,
  readEnvelope,
  upstreamBillingPost,
} from '../../test/handler/requests.js'
import { createFlowgladHandler } from './create-flowglad-handler.js'
import type { FlowgladHandlerOptions, FlowgladServerLike } from './types.js'

function setup(overrides: Partial<FlowgladHandlerOptions> = {}, failWith?: unknown) {
  const servers: ReturnType<typeof createFakeFlowglad>[] = []
  const flowglad = vi.fn((id: string) => {
    const server = createFakeFlowglad(id, { failWith })
    servers.push(server)
    return server as FlowgladServerLike
  })
  const onError = vi.fn()
  const handler = createFlowgladHandler({
    getCustomerExternalId: () => 'user_a',
    flowglad,
    onError,
    ...overrides,
  })
  const apiCalls = () => servers.flatMap((server) => server.calls)
  return { handler, flowglad, onError, apiCalls }
}

const checkoutUrls = { successUrl: 'https://app.test/ok', cancelUrl: 'https://app.test/no' }

describe('actions: success envelopes', () => {
  it.each([
    ['customers/find-or-create', {}, { customer: { externalId: 'user_a' } }],
    [
      'customers/update',
      { externalId: 'user_a', customer: { id: 'cust_user_a', name: 'Ada' } },
      { customer: { name: 'Ada' } },
    ],
    [
      'checkout-sessions/create',
      { ...checkoutUrls, priceSlug: 'pro_monthly' },
      { url: 'https://checkout.test/product' },
    ],
    [
      'checkout-sessions/create-add-payment-method',
      checkoutUrls,
      { checkoutSession: { type: 'add_payment_method' } },
    ],
    [
      'checkout-sessions/create-activate-subscription',
      { ...checkoutUrls, targetSubscriptionId: 'sub_own' },
      { checkoutSession: { type: 'activate_subscription' } },
    ],
    [
      'subscriptions/cancel',
      { id: 'sub_own', cancellation: { timing: 'immediately' } },
      { subscription: { id: 'sub_own', status: 'cancellation_scheduled' } },
    ],
    ['subscriptions/uncancel', { id: 'sub_own' }, { subscription: { status: 'active' } }],
    ['subscriptions/create', { priceSlug: 'free' }, { subscription: { id: 'sub_new' } }],
    ['usage-events/create', { usageMeterSlug: 'ai_tokens' }, { usageEvent: { amount: 1 } }],
    ['usage-meters/balances', {}, { usageMeterBalances: [{ slug: 'ai_tokens' }] }],
  ])('%s answers 200 { data, error: null }', async (path, body, expected) => {
    const { handler } = setup()
    const response = await handler(jsonPost(path, body))
    const envelope = await readEnvelope(response)
    expect(envelope.error).toBeNull()
    expect(response.status).toBe(200)
    expect(envelope.data).toMatchObject(expected)
  })

  it('customers/billing returns the billing object without its check functions', async () => {
    const { handler } = setup()
    const response = await handler(jsonPost('customers/billing', {}))
    const { data } = await readEnvelope(response)
    expect(data).toMatchObject({
      customer: { externalId: 'user_a' },
      billingPortalUrl: 'https://billing.test',
    })
    expect(Object.keys(data as object)).not.toContain('checkFeatureAccess')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  })

  it('customers/update sends only the customer fields, never the body externalId', async () => {
    const { handler, apiCalls } = setup()
    await handler(
      jsonPost('customers/update', { externalId: 'user_a', customer: { id: 'c', name: 'N' } }),
    )
    expect(apiCalls()).toEqual([
      { method: 'updateCustomer', args: [{ customer: { id: 'c', name: 'N' } }] },
    ])
  })

  it('subscriptions/create passes validated input with defaults (no customerId possible)', async () => {
    const { handler, apiCalls } = setup()
    await handler(jsonPost('subscriptions/create', { priceSlug: 'free' }))
    expect(apiCalls()).toEqual([
      { method: 'getBilling', args: [] },
      {
        method: 'createSubscription',
        args: [{ priceSlug: 'free', quantity: 1, doNotCharge: false }],
      },
    ])
  })
})

describe('CSRF guard', () => {
  it('refuses a text/plain state-changing POST (a cross-site form) before any work', async () => {
    const { handler, flowglad } = setup()
    const response = await handler(
      jsonPost(
        'usage-events/create',
        { usageMeterSlug: 'ai_tokens' },
        { 'content-type': 'text/plain' },
      ),
    )
    expect(response.status).toBe(403)
    expect((await readEnvelope(response)).error?.code).toBe('csrf_rejected')
    expect(flowglad).not.toHaveBeenCalled()
  })

  it.each([
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonp',
  ])('refuses content type %s on a mutation', async (contentType) => {
    const { handler } = setup()
    const response = await handler(
      jsonPost('subscriptions/cancel', { id: 'sub_own' }, { 'content-type': contentType }),
    )
    expect(response.status).toBe(403)
  })

  it('refuses a mutation with no content type at all', async () => {
    const { handler } = setup()
    const request = new Request(`${appOrigin}/api/flowglad/subscriptions/uncancel`, {
      method: 'POST',
      body: new Blob(['{"id":"sub_own"}']),
    })
    expect(request.headers.get('content-type')).toBeNull()
    expect((await handler(request)).status).toBe(403)
  })

  it('accepts application/json with parameters', async () => {
    const { handler } = setup()
    const response = await handler(
      jsonPost(
        'subscriptions/uncancel',
        { id: 'sub_own' },
        { 'content-type': 'Application/JSON; charset=utf-8' },
      ),
    )
    expect(response.status).toBe(200)
  })

  it.each([
    'https://evil.test',
    'null',
    'http://app.test.evil.test',
  ])('refuses Origin %s, even on read-only billing', async (origin) => {
    const { handler, flowglad } = setup()
    const response = await handler(jsonPost('customers/billing', {}, { origin }))
    expect(response.status).toBe(403)
    expect((await readEnvelope(response)).error?.code).toBe('csrf_rejected')
    expect(flowglad).not.toHaveBeenCalled()
  })

  it('accepts allowedOrigins, the proxy host, and requests without Origin (server to server)', async () => {
    const { handler } = setup({ allowedOrigins: ['https://web.example.com'] })
    const allowed = await handler(
      jsonPost('customers/billing', {}, { origin: 'https://web.example.com' }),
    )
    expect(allowed.status).toBe(200)
    const proxied = await handler(
      jsonPost(
        'customers/billing',
        {},
        { origin: 'https://shop.example.com', 'x-forwarded-host': 'shop.example.com' },
      ),
    )
    expect(proxied.status).toBe(200)
    const request = new Request(`${appOrigin}/api/flowglad/customers/billing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect((await handler(request)).status).toBe(200)
  })

  it.each([
    'customers/billing',
    'usage-events/create',
  ])('refuses %s without Origin when Sec-Fetch-Site says cross-site', async (path) => {
    const { handler, flowglad } = setup({ allowedOrigins: ['https://web.example.com'] })
    const request = (site: string) =>
      new Request(`${appOrigin}/api/flowglad/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': site },
        body: JSON.stringify({ usageMeterSlug: 'ai_tokens' }),
      })
    const refused = await handler(request('cross-site'))
    expect(refused.status).toBe(403)
    expect((await readEnvelope(refused)).error).toEqual({
      code: 'csrf_rejected',
      json: { message: 'Cross-site request refused: Sec-Fetch-Site is cross-site' },
    })
    expect(flowglad).not.toHaveBeenCalled()
    for (const site of ['same-origin', 'same-site', 'none']) {
      expect((await handler(request(site))).status, site).toBe(200)
    }
  })

  it('lets read-only billing through without a JSON content type (upstream react does that)', async () => {
    const { handler } = setup()
    const request = upstreamBillingPost()
    expect(request.headers.get('content-type')).toBe('text/plain;charset=UTF-8')
    const response = await handler(request)
    expect(response.status).toBe(200)
    expect((await readEnvelope(response)).data).toMatchObject({
      customer: { externalId: 'user_a' },
    })
  })

  it('does not extend that exception to find-or-create (it may create a customer)', async () => {
    const { handler } = setup()
    expect((await handler(upstreamBillingPost('customers/find-or-create'))).status).toBe(403)
  })
})

describe('action lookup', () => {
  it('answers 404 not_found for an unknown action', async () => {
    const { handler } = setup()
    const response = await handler(jsonPost('customers/delete-everything', {}))
    expect(response.status).toBe(404)
    expect(await readEnvelope(response)).toMatchObject({ data: null, error: { code: 'not_found' } })
  })

  it('answers 404 for paths outside the base path', async () => {
    const { handler } = setup()
    const request = new Request(`${appOrigin}/api/other/customers/billing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect((await handler(request)).status).toBe(404)
  })

  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('answers 405 with Allow for %s', async (method) => {
    const { handler, flowglad } = setup()
    const response = await handler(
      new Request(`${appOrigin}/api/flowglad/usage-events/create`, {
        method,
        headers: { 'content-type': 'application/json' },
      }),
    )
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect((await readEnvelope(response)).error?.code).toBe('method_not_allowed')
    expect(flowglad).not.toHaveBeenCalled()
  })

  it('honours a custom basePath and an adapter-supplied path', async () => {
    const { handler } = setup({ basePath: '/billing/' })
    const request = new Request('http://app.test/billing/customers/billing', {
      method: 'POST',
      body: '{}',
    })
    expect((await handler(request)).status).toBe(200)
    const elsewhere = new Request('http://app.test/anything', { method: 'POST', body: '{}' })
    expect((await handler(elsewhere, { path: ['customers', 'billing'] })).status).toBe(200)
  })
})

describe('customer resolution', () => {
  it.each([
    null,
    undefined,
    '',
  ])('answers 401 and makes no API call when the app returns %j', async (id) => {
    const { handler, flowglad } = setup({ getCustomerExternalId: () => id })
    const response = await handler(jsonPost('usage-events/create', { usageMeterSlug: 'ai_tokens' }))
    expect(response.status).toBe(401)
    expect((await readEnvelope(response)).error?.code).toBe('unauthenticated')
    expect(flowglad).not.toHaveBeenCalled()
  })

  it('passes the adapter source object to getCustomerExternalId', async () => {
    const source = { session: 'user_s' }
    const handler = createFlowgladHandler<typeof source>({
      getCustomerExternalId: (req) => req.session,
      flowglad: (id) => createFakeFlowglad(id),
    })
    const response = await handler(jsonPost('customers/find-or-create', {}), { source })
    expect((await readEnvelope(response)).data).toMatchObject({
      customer: { externalId: 'user_s' },
    })
  })

  it.each([
    'customers/billing',
    'customers/find-or-create',
    'usage-meters/balances',
    'customers/update',
  ])('%s: a body externalId other than the session is 403, with no API call', async (path) => {
    const { handler, flowglad } = setup()
    const response = await handler(
      jsonPost(path, { externalId: 'user_b', customer: { id: 'cust_user_b' } }),
    )
    expect(response.status).toBe(403)
    expect((await readEnvelope(response)).error?.code).toBe('forbidden')
    expect(flowglad).not.toHaveBeenCalled()
  })

  it('accepts the session own externalId in the body', async () => {
    const { handler } = setup()
    expect((await handler(jsonPost('customers/billing', { externalId: 'user_a' }))).status).toBe(
      200,
    )
  })
})

describe('validation', () => {
  it('answers 400 validation_error with zod issues in json.issues, before any API call', async () => {
    const { handler, flowglad } = setup()
    const response = await handler(
      jsonPost('usage-events/create', { usageMeterSlug: 'ai_tokens', amount: -3 }),
    )
    expect(response.status).toBe(400)
    const { error } = await readEnvelope(response)
    expect(error?.code).toBe('validation_error')
    expect(error?.json.issues).toEqual([
      { code: expect.any(String), path: ['amount'], message: 'amount must be a positive integer' },
    ])
    expect(flowglad).not.toHaveBeenCalled()
  })

  it.each(['{not json', '[1,2]', '"text"', 'null'])('answers 400 for body %s', async (body) => {
    const { handler } = setup()
    const response = await handler(jsonPost('subscriptions/uncancel', body))
    expect(response.status).toBe(400)
    expect((await readEnvelope(response)).error?.code).toBe('validation_error')
  })

  it('treats an empty body as {}', async () => {
    const { handler } = setup()
    expect((await handler(jsonPost('customers/billing', ''))).status).toBe(200)
  })

  it('refuses a body over 1 MiB with 413 payload_too_large', async () => {
    const { handler } = setup()
    const big = JSON.stringify({
      usageMeterSlug: 'ai_tokens',
      properties: { x: 'y'.repeat(1_048_576) },
    })
    const response = await handler(jsonPost('usage-events/create', big))
    expect(response.status).toBe(413)
    expect((await readEnvelope(response)).error?.code).toBe('payload_too_large')
  })
})

describe('error mapping', () => {
  const codes = Object.keys(flowgladErrorCatalogue) as FlowgladErrorCode[]
  const httpCodes = codes.filter((code) => flowgladErrorCatalogue[code].status >= 400)
  const browserOnlyCodes = codes.filter((code) => flowgladErrorCatalogue[code].status === 0)

  it.each(httpCodes)('a thrown %s answers with its catalogue status', async (code) => {
    const { handler } = setup({}, new FlowgladError(code, `boom ${code}`, { status: 999 }))
    const response = await handler(jsonPost('customers/find-or-create', {}))
    expect(response.status).toBe(flowgladErrorCatalogue[code].status)
    expect((await readEnvelope(response)).error?.code).toBe(code)
  })

  it('covers every catalogue code: HTTP ones above, browser-only ones below', () => {
    expect(browserOnlyCodes.sort()).toEqual([
      'invalid_response',
      'network_error',
      'provider_missing',
    ])
    expect(httpCodes.length + browserOnlyCodes.length).toBe(codes.length)
  })

  it.each(
    browserOnlyCodes,
  )('a thrown browser-only %s (status 0) is a bug: 500 internal_error, reported', async (code) => {
    const thrown = new FlowgladError(code, `secret ${code}`)
    const { handler, onError } = setup({}, thrown)
    const response = await handler(jsonPost('customers/find-or-create', {}))
    expect(response.status).toBe(500)
    expect(await readEnvelope(response)).toEqual({
      data: null,
      error: { code: 'internal_error', json: { message: 'Internal server error' } },
    })
    expect(onError).toHaveBeenCalledWith(thrown)
  })

  it.each([
    [
      'circular',
      () => {
        const details: { self?: unknown } = {}
        details.self = details
        return details
      },
    ],
    ['BigInt', () => ({ amount: 10n })],
  ])('an error whose details cannot become JSON (%s) still answers: 500 internal_error', async (_name, details) => {
    const afterRequest = vi.fn()
    const { handler } = setup(
      { afterRequest },
      new FlowgladError('conflict', 'x', { details: details() }),
    )
    const response = await handler(jsonPost('customers/find-or-create', {}))
    expect(response.status).toBe(500)
    expect((await readEnvelope(response)).error?.code).toBe('internal_error')
    expect(afterRequest).toHaveBeenCalledWith(
      expect.objectContaining({ status: 500, errorCode: 'internal_error' }),
    )
  })

  it('maps API errors by code, keeps apiCode and requestId, hides the API text, reports to onError', async () => {
    const apiError = Object.assign(
      new FlowgladError('conflict', 'UsageEvent conflict', { status: 409 }),
      {
        name: 'FlowgladApiError',
        apiCode: 'CONFLICT',
        requestId: 'req_42',
      },
    )
    const { handler, onError } = setup({}, apiError)
    const response = await handler(jsonPost('usage-events/create', { usageMeterSlug: 'ai_tokens' }))
    expect(response.status).toBe(409)
    expect((await readEnvelope(response)).error).toEqual({
      code: 'conflict',
      json: {
        message: 'The Flowglad API reported a conflict with an earlier request',
        apiCode: 'CONFLICT',
        requestId: 'req_42',
      },
    })
    expect(onError).toHaveBeenCalledWith(apiError)
  })

  it('drops upstream details and text from a 502 answer', async () => {
    const error = new FlowgladError('upstream_unavailable', 'Flowglad API unreachable', {
      details: { host: 'internal.example' },
    })
    const { handler } = setup({}, error)
    const response = await handler(jsonPost('customers/find-or-create', {}))
    expect(response.status).toBe(502)
    expect((await readEnvelope(response)).error).toEqual({
      code: 'upstream_unavailable',
      json: { message: 'Flowglad is unavailable right now, try again later' },
    })
  })

  it.each([
    new Error('secret database password in message'),
    'a thrown string',
    undefined,
  ])('a non-catalogue throw (%s) is 500 internal_error without its message, logged via onError', async (thrown) => {
    const { handler, onError } = setup({}, thrown ?? null)
    const response = await handler(jsonPost('customers/find-or-create', {}))
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(text).not.toContain('secret')
    expect(JSON.parse(text)).toEqual({
      data: null,
      error: { code: 'internal_error', json: { message: 'Internal server error' } },
    })
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('does not report the core own refusals to onError', async () => {
    const { handler, onError } = setup({ getCustomerExternalId: () => null })
    await handler(jsonPost('customers/billing', {}))
    await handler(jsonPost('nope', {}))
    expect(onError).not.toHaveBeenCalled()
  })

  it('survives a throwing onError', async () => {
    const { handler } = setup(
      {
        onError: () => {
          throw new Error('logger down')
        },
      },
      new Error('bug'),
    )
    expect((await handler(jsonPost('customers/find-or-create', {}))).status).toBe(500)
  })
})

describe('hooks', () => {
  it('beforeRequest runs first and may refuse with a catalogue error', async () => {
    const { handler, flowglad } = setup({
      beforeRequest: ({ path }) => {
        if (path === 'usage-events/create') throw new FlowgladError('rate_limited', 'slow down')
      },
    })
    const response = await handler(jsonPost('usage-events/create', { usageMeterSlug: 'ai_tokens' }))
    expect(response.status).toBe(429)
    expect(flowglad).not.toHaveBeenCalled()
  })

  it('afterRequest sees successes and errors; its own failure does not change the answer', async () => {
    const seen: unknown[] = []
    const { handler, onError } = setup({
      afterRequest: ({ path, status, errorCode }) => {
        seen.push({ path, status, errorCode })
        throw new Error('metrics down')
      },
    })
    expect((await handler(jsonPost('customers/billing', {}))).status).toBe(200)
    expect((await handler(jsonPost('missing', {}))).status).toBe(404)
    expect(seen).toEqual([
      { path: 'customers/billing', status: 200, errorCode: null },
      { path: 'missing', status: 404, errorCode: 'not_found' },
    ])
    expect(onError).toHaveBeenCalledTimes(2)
  })
})

describe('upstream wire quirks', () => {
  it('accepts the `type` upstream react adds to checkout bodies when it matches the action', async () => {
    const { handler, apiCalls } = setup()
    const response = await handler(
      jsonPost('checkout-sessions/create', {
        ...checkoutUrls,
        priceSlug: 'pro_monthly',
        type: 'product',
      }),
    )
    expect(response.status).toBe(200)
    expect(apiCalls()[0]?.args[0]).toMatchObject({ priceSlug: 'pro_monthly', quantity: 1 })
  })

  it('still refuses a `type` that contradicts the action', async () => {
    const { handler } = setup()
    const response = await handler(
      jsonPost('checkout-sessions/create', {
        ...checkoutUrls,
        priceSlug: 'pro_monthly',
        type: 'activate_subscription',
      }),
    )
    expect(response.status).toBe(400)
  })
})
