import { createHmac } from 'node:crypto'
import { createEmulator } from '@flowglad/emulator'
import type { FlowgladWebhookEvent } from '@flowglad/server'
import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { webhookRouteHandler } from './webhook-route-handler.js'

const secret = `whsec_${Buffer.from('route handler test secret').toString('base64')}`
const url = 'http://app.test/api/webhooks/flowglad'

function signed(body: string, key = secret): Record<string, string> {
  const id = 'msg_route'
  const timestamp = String(Math.floor(Date.now() / 1000))
  const mac = createHmac('sha256', Buffer.from(key.slice(6), 'base64'))
    .update(`${id}.${timestamp}.${body}`)
    .digest('base64')
  return { 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': `v1,${mac}` }
}

const post = (body: string, headers: Record<string, string>) =>
  new NextRequest(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  })

describe('webhookRouteHandler', () => {
  it("answers 200 to the emulator's signed deliveries after onEvent has run, with typed events", async () => {
    const events: FlowgladWebhookEvent[] = []
    const POST = webhookRouteHandler({
      secret,
      onEvent: async (event) => {
        await Promise.resolve()
        events.push(event)
      },
    })
    const statuses: number[] = []
    const emulator = createEmulator({
      webhooks: {
        fetch: async (request) => {
          const response = await POST(new NextRequest(request))
          statuses.push(response.status)
          return response
        },
      },
    })
    emulator.webhooks.register({ url, secret })
    await emulator.fetch(
      new Request('http://emulator.test/api/v1/customers', {
        method: 'POST',
        headers: { authorization: 'sk_test_route', 'content-type': 'application/json' },
        body: JSON.stringify({
          customer: { externalId: 'routed', email: 'r@example.com', name: 'R' },
        }),
      }),
    )
    await emulator.webhooks.idle()
    expect(statuses).toEqual([200, 200])
    expect(events.map((event) => event.type)).toEqual(['customer.created', 'subscription.created'])
    const [first] = events
    if (first?.type === 'customer.created') expect(first.data.customer?.externalId).toBe('routed')
    expect(
      emulator.webhooks.deliveries().every((delivery) => delivery.status === 'succeeded'),
    ).toBe(true)
  })

  it('answers 400 webhook_verification_failed and never calls onEvent for a bad signature', async () => {
    let called = 0
    const POST = webhookRouteHandler({ secret, onEvent: () => void called++ })
    const body = JSON.stringify({ type: 'customer.created' })
    const wrongKey = await POST(
      post(body, signed(body, `whsec_${Buffer.from('other').toString('base64')}`)),
    )
    expect(wrongKey.status).toBe(400)
    expect(await wrongKey.json()).toMatchObject({
      error: { code: 'webhook_verification_failed', reason: 'invalid_signature' },
    })
    const missing = await POST(post(body, {}))
    expect((await missing.json()).error.reason).toBe('missing_header')
    expect(called).toBe(0)
  })

  it('verifies before parsing: an unsigned non-JSON body is a signature failure, not a parse error', async () => {
    const POST = webhookRouteHandler({ secret, onEvent: () => {} })
    const headers = signed('{"real":true}')
    const response = await POST(post('not json at all', headers))
    expect(response.status).toBe(400)
    expect((await response.json()).error.reason).toBe('invalid_signature')
  })

  it('answers 500 without the message when onEvent throws, and hands the error to onError', async () => {
    const reported: unknown[] = []
    const POST = webhookRouteHandler({
      secret,
      onEvent: () => {
        throw new Error('db password is hunter2')
      },
      onError: (error) => reported.push(error),
    })
    const body = JSON.stringify({ type: 'payment.failed' })
    const response = await POST(post(body, signed(body)))
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(text).not.toContain('hunter2')
    expect(JSON.parse(text).error.code).toBe('internal_error')
    expect(reported).toEqual([expect.objectContaining({ message: 'db password is hunter2' })])
  })

  it('answers 405 to other methods and 500 when no secret is configured', async () => {
    const POST = webhookRouteHandler({ secret, onEvent: () => {} })
    expect((await POST(new NextRequest(url))).status).toBe(405)
    const unconfigured = webhookRouteHandler({ secret: undefined, onEvent: () => {} })
    const body = '{}'
    expect((await unconfigured(post(body, signed(body)))).status).toBe(500)
  })

  it('reads at most maxBodyBytes before verifying: 413, no onEvent, the stream left unread', async () => {
    const events: unknown[] = []
    const POST = webhookRouteHandler({
      secret,
      onEvent: (event) => {
        events.push(event)
      },
      maxBodyBytes: 64,
    })
    const small = JSON.stringify({ type: 'payment.failed' })
    expect((await POST(post(small, signed(small)))).status).toBe(200)
    const large = JSON.stringify({ type: 'payment.failed', padding: 'x'.repeat(200) })
    const length = String(Buffer.byteLength(large))
    const declared = await POST(post(large, { ...signed(large), 'content-length': length }))
    expect(declared.status).toBe(413)
    expect((await declared.json()).error.code).toBe('payload_too_large')
    // Chunked (no Content-Length): the body is cancelled once past the limit, not buffered.
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(32).fill(120))
      },
    })
    const chunked = new Request(url, {
      method: 'POST',
      body: endless,
      headers: { 'content-type': 'application/json', ...signed('') },
      duplex: 'half',
    } as RequestInit)
    expect((await POST(chunked)).status).toBe(413)
    expect(pulled).toBeLessThan(10)
    expect(events).toHaveLength(1)
  })

  it('answers 400 when the body cannot be read (the sender went away mid-upload)', async () => {
    const POST = webhookRouteHandler({ secret, onEvent: () => {} })
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('socket hang up'))
      },
    })
    const request = new Request(url, {
      method: 'POST',
      body: broken,
      headers: signed(''),
      duplex: 'half',
    } as RequestInit)
    const response = await POST(request)
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe('validation_error')
  })

  it('defaults to 1 MiB, and refuses a bad maxBodyBytes when the route is built', async () => {
    const POST = webhookRouteHandler({ secret, onEvent: () => {} })
    const body = JSON.stringify({ type: 'payment.failed', padding: 'x'.repeat(1_048_576) })
    expect((await POST(post(body, signed(body)))).status).toBe(413)
    expect(() => webhookRouteHandler({ secret, onEvent: () => {}, maxBodyBytes: 0 })).toThrow(
      /maxBodyBytes must be a positive integer/,
    )
  })
})
