import { createEmulator } from '@flowglad/emulator'
import { Webhook } from 'standardwebhooks'
import { verifyWebhook as upstreamVerifyWebhook } from 'upstream-server'
import { describe, expect, it } from 'vitest'
import { FlowgladServerAdmin } from '../admin/flowglad-server-admin.js'
import { verifyWebhook, WebhookVerificationError } from './index.js'

interface Delivery {
  headers: Record<string, string>
  body: string
}

/** An emulator whose webhooks land in `received` (in process, through its `fetch` option). */
function emulatorWithEndpoint() {
  const received: Delivery[] = []
  const emulator = createEmulator({
    webhooks: {
      fetch: async (request) => {
        received.push({ headers: Object.fromEntries(request.headers), body: await request.text() })
        return new Response(null, { status: 204 })
      },
    },
  })
  const { secret } = emulator.webhooks.register({ url: 'http://app.test/api/webhooks/flowglad' })
  const admin = new FlowgladServerAdmin({
    apiKey: 'sk_test_webhooks',
    baseURL: 'http://emulator.test',
    fetch: (input, init) => emulator.fetch(new Request(input, init)),
  })
  return { emulator, received, secret, admin }
}

/** The same delivery under the Standard Webhooks header names. */
function standardHeaders(delivery: Delivery): Record<string, string> {
  return {
    'webhook-id': delivery.headers['svix-id'] ?? '',
    'webhook-timestamp': delivery.headers['svix-timestamp'] ?? '',
    'webhook-signature': delivery.headers['svix-signature'] ?? '',
  }
}

describe("the emulator's webhook deliveries", () => {
  it('verify with our verifyWebhook, the standardwebhooks package and upstream 0.18', async () => {
    const { emulator, received, secret, admin } = emulatorWithEndpoint()
    await admin.createCustomer({
      customer: { externalId: 'hooked', email: 'h@example.com', name: 'Hooked' },
    })
    await emulator.webhooks.idle()
    expect(received.length).toBeGreaterThanOrEqual(2)
    for (const delivery of received) {
      const ours = verifyWebhook(delivery.body, delivery.headers, secret)
      expect(new Webhook(secret).verify(delivery.body, standardHeaders(delivery))).toEqual(ours)
      expect(upstreamVerifyWebhook(delivery.body, delivery.headers, secret)).toEqual(ours)
    }
    const types = received.map(
      (delivery) => verifyWebhook(delivery.body, delivery.headers, secret).type,
    )
    expect(types).toEqual(['customer.created', 'subscription.created'])
  })

  it('are refused by all three when tampered with or checked against another secret', async () => {
    const { emulator, received, secret, admin } = emulatorWithEndpoint()
    await admin.createCustomer({
      customer: { externalId: 'tamper', email: 't@example.com', name: 'T' },
    })
    await emulator.webhooks.idle()
    const [delivery] = received
    if (!delivery) throw new Error('no delivery')
    const tampered = delivery.body.replace('tamper', 'temper')
    expect(() => verifyWebhook(tampered, delivery.headers, secret)).toThrow(
      WebhookVerificationError,
    )
    expect(() => new Webhook(secret).verify(tampered, standardHeaders(delivery))).toThrow()
    expect(() => upstreamVerifyWebhook(tampered, delivery.headers, secret)).toThrow()
    const other = emulatorWithEndpoint().secret
    expect(() => verifyWebhook(delivery.body, delivery.headers, other)).toThrow(
      WebhookVerificationError,
    )
    expect(() => upstreamVerifyWebhook(delivery.body, delivery.headers, other)).toThrow()
  })
})
