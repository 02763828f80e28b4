import { describe, expect, it } from 'vitest'
import { billingFixture } from '../test/billing-fixture.js'
import { deferred, envelope, errorEnvelope, routeFetch } from '../test/route-fetch.js'
import { createBillingClient, FlowgladRequestError } from './billing-client.js'

describe('createBillingClient: routes and requests', () => {
  it('POSTs JSON with Content-Type to {baseURL}/api/flowglad/<key>, keeping extra headers', async () => {
    const route = routeFetch({ 'customers/billing': () => envelope(billingFixture()) })
    const client = createBillingClient({
      baseURL: 'https://app.example/',
      headers: { Authorization: 'Bearer t' },
      fetch: route.fetch,
    })
    await client.load()
    const [request] = route.seen
    expect(request?.url).toBe('https://app.example/api/flowglad/customers/billing')
    expect(request?.method).toBe('POST')
    expect(request?.headers.get('content-type')).toBe('application/json')
    expect(request?.headers.get('authorization')).toBe('Bearer t')
    expect(request?.body).toEqual({})
  })

  it('uses a same-origin path by default and accepts a /-relative baseURL', async () => {
    const route = routeFetch({ 'usage-events/create': () => envelope({ usageEvent: { id: 'x' } }) })
    await createBillingClient({ fetch: route.fetch }).call('usage-events/create', {})
    await createBillingClient({ baseURL: '/app', fetch: route.fetch }).call('usage-events/create')
    expect(route.seen.map((request) => request.url)).toEqual([
      '/api/flowglad/usage-events/create',
      '/app/api/flowglad/usage-events/create',
    ])
  })

  it('rejects a baseURL that is neither absolute nor /-relative', () => {
    expect(() => createBillingClient({ baseURL: 'app.example' })).toThrow(/absolute URL/)
  })

  it('reads headers from a function on every request', async () => {
    let token = 'one'
    const route = routeFetch({ 'subscriptions/uncancel': () => envelope({ subscription: {} }) })
    const client = createBillingClient({
      headers: () => ({ 'x-token': token }),
      fetch: route.fetch,
    })
    await client.call('subscriptions/uncancel', { id: 's' })
    token = 'two'
    await client.call('subscriptions/uncancel', { id: 's' })
    expect(route.seen.map((request) => request.headers.get('x-token'))).toEqual(['one', 'two'])
  })
})

describe('call(): the { data, error } envelope, never throwing', () => {
  it('returns data on success', async () => {
    const route = routeFetch({
      'usage-events/create': () => envelope({ usageEvent: { id: 'ue_1' } }),
    })
    const result = await createBillingClient({ fetch: route.fetch }).call('usage-events/create', {})
    expect(result).toEqual({ data: { usageEvent: { id: 'ue_1' } } })
  })

  it('passes a { code, json } error through unchanged', async () => {
    const error = { code: 'forbidden', json: { message: 'not yours', details: { id: 's' } } }
    const route = routeFetch({ 'usage-events/create': () => errorEnvelope(error, 403) })
    const result = await createBillingClient({ fetch: route.fetch }).call('usage-events/create', {})
    expect(result).toEqual({ error })
  })

  it('gives a { message } error and a bare error status the HTTP status as code', async () => {
    const route = routeFetch({
      'customers/update': () => errorEnvelope({ message: 'nope' }, 400),
      'customers/find-or-create': () => new Response('{}', { status: 503 }),
    })
    const client = createBillingClient({ fetch: route.fetch })
    expect(await client.call('customers/update', {})).toEqual({
      error: { code: '400', json: { message: 'nope' } },
    })
    const bare = await client.call('customers/find-or-create', {})
    expect(bare).toMatchObject({ error: { code: '503' } })
  })

  it('answers network_error when fetch rejects and invalid_response for a non-JSON body', async () => {
    const offline = createBillingClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    expect(await offline.send('usage-events/create', {})).toEqual({
      status: 0,
      result: { error: { code: 'network_error', json: { message: 'Failed to fetch' } } },
    })
    const html = createBillingClient({ fetch: async () => new Response('<html>', { status: 200 }) })
    expect(await html.call('usage-events/create', {})).toMatchObject({
      error: { code: 'invalid_response' },
    })
  })

  it('answers invalid_response for JSON that is not an envelope', async () => {
    const client = createBillingClient({ fetch: async () => new Response('[1]') })
    expect(await client.call('usage-events/create', {})).toMatchObject({
      error: { code: 'invalid_response' },
    })
  })
})

describe('the billing store', () => {
  it('goes idle → loading → loaded and notifies subscribers', async () => {
    const route = routeFetch({ 'customers/billing': () => envelope(billingFixture()) })
    const client = createBillingClient({ fetch: route.fetch })
    const seen: string[] = []
    client.subscribe(() => seen.push(client.getState().status))
    expect(client.getState().status).toBe('idle')
    await client.load()
    expect(seen).toEqual(['loading', 'loaded'])
    expect(client.getState()).toMatchObject({ billing: { customer: { id: 'cus_1' } } })
  })

  it('dedupes concurrent loads into one request and does not load twice', async () => {
    const route = routeFetch({ 'customers/billing': () => envelope(billingFixture()) })
    const client = createBillingClient({ fetch: route.fetch })
    await Promise.all([client.load(), client.load(), client.load()])
    await client.load()
    expect(route.seen).toHaveLength(1)
  })

  it('reload() always fetches again and resolves once the answer is applied', async () => {
    let balance = 1000
    const route = routeFetch({
      'customers/billing': () => envelope(billingFixture({ billingPortalUrl: `p${balance}` })),
    })
    const client = createBillingClient({ fetch: route.fetch })
    await client.load()
    balance = 850
    await client.reload()
    expect(route.seen).toHaveLength(2)
    expect(client.getState()).toMatchObject({ billing: { billingPortalUrl: 'p850' } })
  })

  it('never lets a late answer overwrite a newer one', async () => {
    const slow = deferred<Response>()
    let calls = 0
    const route = routeFetch({
      'customers/billing': () => {
        calls += 1
        return calls === 1 ? slow.promise : envelope(billingFixture({ billingPortalUrl: 'new' }))
      },
    })
    const client = createBillingClient({ fetch: route.fetch })
    const first = client.load()
    await client.reload()
    expect(client.getState()).toMatchObject({ billing: { billingPortalUrl: 'new' } })
    slow.resolve(envelope(billingFixture({ billingPortalUrl: 'old' })))
    await first
    expect(client.getState()).toMatchObject({ billing: { billingPortalUrl: 'new' } })
  })

  it('keeps a failed load as a FlowgladRequestError with the code and message', async () => {
    const route = routeFetch({
      'customers/billing': () =>
        errorEnvelope({ code: 'unauthenticated', json: { message: 'sign in' } }, 401),
    })
    const client = createBillingClient({ fetch: route.fetch })
    await client.load()
    const state = client.getState()
    expect(state.status).toBe('error')
    if (state.status !== 'error') return
    expect(state.error).toBeInstanceOf(FlowgladRequestError)
    expect(state.error.code).toBe('unauthenticated')
    expect(state.error.message).toBe('sign in')
  })

  it('treats a billing answer without data as an error', async () => {
    const client = createBillingClient({ fetch: async () => envelope(null) })
    await client.load()
    expect(client.getState()).toMatchObject({
      status: 'error',
      error: { code: 'invalid_response' },
    })
  })

  it('request() marks an idle store loading without notifying or fetching when no one listens', async () => {
    const route = routeFetch({ 'customers/billing': () => envelope(billingFixture()) })
    const client = createBillingClient({ fetch: route.fetch })
    client.request()
    expect(client.getState().status).toBe('loading')
    await Promise.resolve()
    expect(route.seen).toHaveLength(0)
    // The first load() still fetches (once) and tells subscribers the request has started.
    const seen: string[] = []
    client.subscribe(() => seen.push(client.getState().status))
    await Promise.all([client.load(), client.load()])
    expect(seen).toEqual(['loading', 'loaded'])
    expect(route.seen).toHaveLength(1)
  })

  it('request() with subscribers starts the load in a microtask, not synchronously', async () => {
    const route = routeFetch({ 'customers/billing': () => envelope(billingFixture()) })
    const client = createBillingClient({ fetch: route.fetch })
    const seen: string[] = []
    client.subscribe(() => seen.push(client.getState().status))
    client.request()
    client.request()
    expect(seen).toEqual([])
    expect(route.seen).toHaveLength(0)
    await Promise.resolve()
    expect(route.seen).toHaveLength(1)
    await client.load()
    expect(seen).toEqual(['loading', 'loaded'])
    expect(route.seen).toHaveLength(1)
  })

  it('request() leaves a loaded or failed store alone', async () => {
    const route = routeFetch({})
    const client = createBillingClient({ fetch: route.fetch, initialBilling: billingFixture() })
    client.subscribe(() => {})
    client.request()
    await Promise.resolve()
    expect(client.getState().status).toBe('loaded')
    expect(route.seen).toHaveLength(0)
  })

  it('starts loaded from initialBilling without a request', async () => {
    const route = routeFetch({})
    const client = createBillingClient({ fetch: route.fetch, initialBilling: billingFixture() })
    await client.load()
    expect(client.getState().status).toBe('loaded')
    expect(route.seen).toHaveLength(0)
  })
})
