import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DAY, setup } from '../../test/helpers.js'
import type { WebhookEventBody } from './event-types.js'

interface Received {
  request: Request
  body: string
}

/** An in-process endpoint: records each request, answers with `answer(n)` for the n-th one. */
function endpoint(answer: (n: number) => Response | Promise<Response> = () => new Response('ok')) {
  const received: Received[] = []
  const fetch = async (request: Request) => {
    const body = await request.text()
    received.push({ request, body })
    return answer(received.length)
  }
  const events = () => received.map((entry) => JSON.parse(entry.body) as WebhookEventBody)
  return { fetch, received, events }
}

function expectedSignature(secret: string, request: Request, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64')
  const id = request.headers.get('svix-id')
  const timestamp = request.headers.get('svix-timestamp')
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}

const customer = (externalId: string) => ({
  customer: { externalId, email: `${externalId}@example.com`, name: externalId },
})

async function checkout(
  api: ReturnType<typeof setup>['api'],
  emulator: ReturnType<typeof setup>['emulator'],
  externalId: string,
) {
  const session = await api.post('/checkout-sessions', {
    checkoutSession: {
      type: 'product',
      customerExternalId: externalId,
      priceSlug: 'pro_monthly',
      successUrl: 'https://example.com/ok',
      cancelUrl: 'https://example.com/cancel',
    },
  })
  expect(session.status, session.text).toBe(200)
  return emulator.completeCheckoutSession(session.body.checkoutSession.id)
}

describe('webhook endpoints API', () => {
  it('creates (answering the secret once), gets and updates an endpoint', async () => {
    const { api } = setup()
    const pm = (await api.get('/pricing-models/default')).body.pricingModel.id
    const created = await api.post('/webhooks', {
      webhook: {
        name: 'App',
        url: 'http://127.0.0.1:3000/api/webhooks/flowglad',
        filterTypes: ['customer.created'],
        pricingModelId: pm,
      },
    })
    expect(created.status).toBe(200)
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/)
    expect(created.body.webhook).toMatchObject({
      active: true,
      filterTypes: ['customer.created'],
      pricingModelId: pm,
    })
    const id = created.body.webhook.id
    const got = await api.get(`/webhooks/${id}`)
    expect(got.body).toEqual({ webhook: created.body.webhook })
    const updated = await api.put(`/webhooks/${id}`, {
      webhook: {
        id,
        url: 'http://127.0.0.1:3001/hook',
        filterTypes: ['payment.failed'],
        active: false,
      },
    })
    expect(updated.body.webhook).toMatchObject({
      url: 'http://127.0.0.1:3001/hook',
      filterTypes: ['payment.failed'],
      active: false,
    })
  })

  it('refuses bad input with 400/404, never a 500', async () => {
    const { api } = setup()
    const pm = (await api.get('/pricing-models/default')).body.pricingModel.id
    const base = { name: 'x', url: 'http://127.0.0.1:1/h', filterTypes: [], pricingModelId: pm }
    expect(
      (await api.post('/webhooks', { webhook: { ...base, url: 'ftp://example.com' } })).status,
    ).toBe(400)
    expect((await api.post('/webhooks', { webhook: { ...base, url: 'not a url' } })).status).toBe(
      400,
    )
    expect(
      (await api.post('/webhooks', { webhook: { ...base, filterTypes: ['invoice.paid'] } })).status,
    ).toBe(400)
    expect(
      (await api.post('/webhooks', { webhook: { ...base, pricingModelId: 'pm_nope' } })).status,
    ).toBe(404)
    expect((await api.get('/webhooks/webhook_nope')).status).toBe(404)
    const id = (await api.post('/webhooks', { webhook: base })).body.webhook.id
    const mismatch = await api.put(`/webhooks/${id}`, {
      webhook: { id: 'other', url: base.url, filterTypes: [] },
    })
    expect(mismatch.status).toBe(400)
  })
})

describe('webhook delivery', () => {
  it('signs each event so an HMAC over id.timestamp.body checks out', async () => {
    const hook = endpoint()
    const { emulator, api } = setup({ webhooks: { fetch: hook.fetch } })
    const { secret } = emulator.webhooks.register({ url: 'http://app.test/hook' })
    await api.post('/customers', customer('signed'))
    await emulator.webhooks.idle()
    expect(hook.events().map((event) => event.type)).toEqual([
      'customer.created',
      'subscription.created',
    ])
    for (const { request, body } of hook.received) {
      expect(request.method).toBe('POST')
      expect(request.url).toBe('http://app.test/hook')
      expect(request.headers.get('content-type')).toBe('application/json')
      expect(request.headers.get('svix-signature')).toBe(expectedSignature(secret, request, body))
    }
    const [created] = hook.events()
    expect(created).toMatchObject({
      eventType: 'customer.created',
      eventId: expect.stringMatching(/^evt_/),
      livemode: false,
      data: { object: 'customer', customer: { externalId: 'signed' } },
    })
  })

  it('emits checkout, cancel and period-close events; honours filterTypes and inactive endpoints', async () => {
    const all = endpoint()
    const payments = endpoint()
    const paused = endpoint()
    const { emulator, api } = setup({
      webhooks: {
        fetch: (request) => {
          const path = new URL(request.url).pathname
          return (path === '/all' ? all : path === '/payments' ? payments : paused).fetch(request)
        },
      },
    })
    emulator.webhooks.register({ url: 'http://app.test/all' })
    emulator.webhooks.register({
      url: 'http://app.test/payments',
      filterTypes: ['payment.succeeded', 'payment.failed'],
    })
    emulator.webhooks.register({ url: 'http://app.test/paused', active: false })
    await api.post('/customers', customer('buyer'))
    const { subscription } = await checkout(api, emulator, 'buyer')
    await emulator.webhooks.idle()
    expect(all.events().map((e) => e.type)).toEqual([
      'customer.created',
      'subscription.created',
      'subscription.canceled', // the free plan, replaced by the paid one
      'subscription.created',
      'purchase.completed',
    ])
    expect(payments.received).toHaveLength(0)

    emulator.clock.advance(32 * DAY)
    await emulator.webhooks.idle()
    expect(payments.events().map((e) => e.type)).toEqual(['payment.succeeded'])

    await api.post(`/subscriptions/${subscription?.id}/cancel`, {
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    await api.post(`/subscriptions/${subscription?.id}/uncancel`, {})
    await api.post(`/subscriptions/${subscription?.id}/cancel`, {
      cancellation: { timing: 'immediately' },
    })
    await emulator.webhooks.idle()
    expect(
      all
        .events()
        .slice(-3)
        .map((e) => [e.type, e.data.id]),
    ).toEqual([
      ['subscription.updated', subscription?.id],
      ['subscription.updated', subscription?.id],
      ['subscription.canceled', subscription?.id],
    ])
    expect(paused.received).toHaveLength(0)
    // Healthy endpoints get every delivery exactly once.
    const attempts = emulator.webhooks.deliveries().map((delivery) => delivery.attempts)
    expect(attempts.filter((list) => list.length !== 1 || list[0]?.status !== 200)).toEqual([])
  })

  it('delivers to one endpoint in the order the events happened, even when it answers slowly', async () => {
    const arrived: string[] = []
    let requests = 0
    const { emulator, api } = setup({
      webhooks: {
        fetch: async (request) => {
          const first = requests++ === 0
          const event = JSON.parse(await request.text()) as WebhookEventBody
          // The first answer is slow: a concurrent sender would let the second event overtake it.
          if (first) await new Promise((resolve) => setTimeout(resolve, 50))
          arrived.push(event.type)
          return new Response('ok')
        },
      },
    })
    emulator.webhooks.register({ url: 'http://app.test/ordered' })
    await api.post('/customers', customer('ordered'))
    await emulator.webhooks.idle()
    expect(arrived).toEqual(['customer.created', 'subscription.created'])
  })

  it('sends payment.failed when a period closes with no payment method', async () => {
    const hook = endpoint()
    const { emulator, api } = setup({ webhooks: { fetch: hook.fetch } })
    emulator.webhooks.register({
      url: 'http://app.test/hook',
      filterTypes: ['payment.failed', 'customer.updated'],
    })
    await api.post('/customers', customer('broke'))
    const created = await api.post('/subscriptions', {
      customerExternalId: 'broke',
      priceSlug: 'pro_monthly',
    })
    expect(created.status, created.text).toBe(200)
    await api.put('/customers/broke', { customer: { name: 'Broke 2' } })
    emulator.clock.advance(32 * DAY)
    await emulator.webhooks.idle()
    expect(hook.events().map((e) => [e.type, e.data.customer?.externalId])).toEqual([
      ['customer.updated', 'broke'],
      ['payment.failed', 'broke'],
    ])
  })

  it('retries with backoff until the endpoint answers 2xx, same message id every time', async () => {
    const hook = endpoint((n) =>
      n < 3 ? new Response('boom', { status: 500 }) : new Response('fine'),
    )
    const { emulator, api } = setup({ webhooks: { fetch: hook.fetch, retryDelaysMs: [1, 1, 1] } })
    emulator.webhooks.register({ url: 'http://app.test/hook', filterTypes: ['customer.created'] })
    await api.post('/customers', customer('retry'))
    await emulator.webhooks.idle()
    const [delivery] = emulator.webhooks.deliveries()
    expect(delivery?.status).toBe('succeeded')
    expect(delivery?.attempts.map((a) => [a.status, a.responseBody])).toEqual([
      [500, 'boom'],
      [500, 'boom'],
      [200, 'fine'],
    ])
    const ids = new Set(hook.received.map((r) => r.request.headers.get('svix-id')))
    expect(ids.size).toBe(1)
  })

  it('gives up after the last retry, treats a hang as a timeout and a thrown fetch as a failure', async () => {
    let calls = 0
    const { emulator, api } = setup({
      webhooks: {
        retryDelaysMs: [1],
        timeoutMs: 20,
        fetch: () => {
          calls++
          return calls === 1
            ? new Promise<Response>(() => {})
            : Promise.reject(new Error('ECONNREFUSED'))
        },
      },
    })
    emulator.webhooks.register({ url: 'http://app.test/hook', filterTypes: ['customer.created'] })
    await api.post('/customers', customer('down'))
    await emulator.webhooks.idle()
    const [delivery] = emulator.webhooks.deliveries()
    expect(delivery?.status).toBe('failed')
    expect(delivery?.attempts.map((a) => [a.status, a.error])).toEqual([
      [null, expect.stringMatching(/^timeout/)],
      [null, 'ECONNREFUSED'],
    ])
  })

  it('a slow endpoint does not hold up the API answer that caused the event', async () => {
    let release: (response: Response) => void = () => {}
    let arrive: () => void = () => {}
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve
    })
    const { emulator, api } = setup({
      webhooks: {
        fetch: () => {
          arrive()
          return new Promise<Response>((resolve) => {
            release = resolve
          })
        },
      },
    })
    emulator.webhooks.register({ url: 'http://app.test/hook', filterTypes: ['customer.created'] })
    const answer = await api.post('/customers', customer('fast'))
    expect(answer.status).toBe(200)
    // The API has answered while the delivery has not even been sent or is still unanswered.
    const [delivery] = emulator.webhooks.deliveries()
    expect(delivery?.status).toBe('pending')
    await arrived
    expect(delivery?.status).toBe('pending')
    release(new Response('late'))
    await emulator.webhooks.idle()
    expect(delivery?.status).toBe('succeeded')
  })

  it('lists deliveries at /_emulator/webhook-deliveries, replays one, and shows them on the dashboard', async () => {
    const hook = endpoint((n) =>
      n === 1 ? new Response('nope', { status: 503 }) : new Response('ok'),
    )
    const { emulator, api } = setup({ webhooks: { fetch: hook.fetch, retryDelaysMs: [] } })
    emulator.webhooks.register({ url: 'http://app.test/hook', filterTypes: ['customer.created'] })
    await api.post('/customers', customer('replayed'))
    await emulator.webhooks.idle()
    const control = (path: string, method = 'GET') =>
      emulator.fetch(
        new Request(`http://emulator.local/_emulator${path}`, {
          method,
          headers: { authorization: 'sk_test_emulator_key' },
        }),
      )
    const listed = await (await control('/webhook-deliveries')).json()
    expect(listed.deliveries).toHaveLength(1)
    const delivery = listed.deliveries[0]
    expect(delivery).toMatchObject({
      status: 'failed',
      eventType: 'customer.created',
      attempts: [{ status: 503, responseBody: 'nope' }],
    })
    expect(typeof delivery.attempts[0].durationMs).toBe('number')

    expect((await control(`/webhook-deliveries/${delivery.id}/replay`, 'POST')).status).toBe(200)
    await emulator.webhooks.idle()
    const after = await (await control(`/webhook-deliveries/${delivery.id}`)).json()
    expect(after.delivery.status).toBe('succeeded')
    expect(after.delivery.attempts.map((a: { replay: boolean }) => a.replay)).toEqual([false, true])
    expect(hook.received[1]?.body).toBe(hook.received[0]?.body)
    expect(hook.received[1]?.request.headers.get('svix-id')).toBe(
      hook.received[0]?.request.headers.get('svix-id'),
    )
    expect((await control('/webhook-deliveries/whdel_nope/replay', 'POST')).status).toBe(404)

    const dashboard = await (
      await emulator.fetch(new Request('http://emulator.local/?key=sk_test_emulator_key'))
    ).text()
    expect(dashboard).toContain(`data-delivery="${delivery.id}"`)
    expect(dashboard).toContain('http://app.test/hook')
  })

  it('keeps endpoints across reset and out of state snapshots', async () => {
    const hook = endpoint()
    const { emulator, api } = setup({ webhooks: { fetch: hook.fetch } })
    const { secret } = emulator.webhooks.register({
      url: 'http://app.test/hook',
      filterTypes: ['customer.created'],
    })
    emulator.reset()
    await api.post('/customers', customer('after_reset'))
    emulator.importState(emulator.exportState())
    await api.post('/customers', customer('after_import'))
    await emulator.webhooks.idle()
    expect(hook.events().map((e) => e.data.customer?.externalId)).toEqual([
      'after_reset',
      'after_import',
    ])
    expect(JSON.stringify(emulator.exportState())).not.toContain(secret)
  })
})
