// @vitest-environment edge-runtime
import { describe, expect, it } from 'vitest'
import { verifyWebhook, WebhookVerificationError } from './index.js'

// Signs with Web Crypto (the edge's own HMAC), so nothing here leans on Node.
async function sign(secret: string, id: string, timestamp: string, body: string): Promise<string> {
  const keyBytes = Uint8Array.from(atob(secret.slice(6)), (char) => char.charCodeAt(0))
  const key = await crypto.subtle.importKey(
    'raw',
    keyBytes,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`${id}.${timestamp}.${body}`),
  )
  return `v1,${btoa(String.fromCharCode(...new Uint8Array(mac)))}`
}

describe('verifyWebhook under the edge runtime', () => {
  it('really runs in the edge-runtime VM', () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe('string')
  })

  it('verifies synchronously from a Request body and headers, and refuses a tampered one', async () => {
    const secret = `whsec_${btoa('edge-secret-key-0123456789')}`
    const body = JSON.stringify({
      type: 'customer.created',
      data: { id: 'cust_1', object: 'customer' },
    })
    const timestamp = String(Math.floor(Date.now() / 1000))
    const request = new Request('https://app.test/api/webhooks/flowglad', {
      method: 'POST',
      body,
      headers: {
        'svix-id': 'msg_1',
        'svix-timestamp': timestamp,
        'svix-signature': await sign(secret, 'msg_1', timestamp, body),
      },
    })
    const raw = await request.text()
    expect(verifyWebhook(raw, request.headers, secret)).toMatchObject({ type: 'customer.created' })
    expect(() => verifyWebhook(`${raw} `, request.headers, secret)).toThrow(
      WebhookVerificationError,
    )
  })
})
