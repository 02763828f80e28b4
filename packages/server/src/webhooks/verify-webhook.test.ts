import { Webhook } from 'standardwebhooks'
import { verifyWebhook as upstreamVerifyWebhook } from 'upstream-server'
import { describe, expect, it } from 'vitest'
import { newSecret, nodeSignature, signedHeaders } from '../../test/webhooks/sign.js'
import type { FlowgladWebhookEvent } from './events.js'
import { verifyWebhook, WebhookVerificationError } from './index.js'

const event = {
  type: 'payment.succeeded',
  eventType: 'payment.succeeded',
  eventId: 'evt_1',
  livemode: false,
  timestamp: '2026-01-01T00:00:00.000Z',
  data: { id: 'pay_1', object: 'payment', customer: { id: 'cust_1', externalId: 'user_1' } },
}
const body = JSON.stringify(event)

function refusal(run: () => unknown): WebhookVerificationError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError)
    return error as WebhookVerificationError
  }
  throw new Error('expected a WebhookVerificationError')
}

describe('verifyWebhook accepts', () => {
  it('a body signed with Node HMAC and returns the parsed, typed event', () => {
    const secret = newSecret()
    const verified = verifyWebhook(body, signedHeaders(secret, body), secret)
    expect(verified).toEqual(event)
    const narrowed: FlowgladWebhookEvent = verified
    if (narrowed.type === 'payment.succeeded') expect(narrowed.data.object).toBe('payment')
  })

  it('types the result so switch (event.type) narrows event.data', () => {
    // Checked by the typecheck: each branch only compiles if the union narrowed.
    const describeEvent = (received: FlowgladWebhookEvent): string => {
      switch (received.type) {
        case 'sync.events_available':
          return `${received.data.eventCount} in ${received.data.scopeId}`
        case 'payment.failed':
        case 'payment.succeeded': {
          const kind: 'payment' = received.data.object
          return `${kind} ${received.data.id}`
        }
        default:
          return `${received.eventType} ${received.data.object}`
      }
    }
    const secret = newSecret()
    expect(describeEvent(verifyWebhook(body, signedHeaders(secret, body), secret))).toBe(
      'payment pay_1',
    )
  })

  it('a body signed by the standardwebhooks package (webhook-* headers, a Buffer body)', () => {
    const secret = newSecret()
    const id = 'msg_std'
    const at = new Date()
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, at, body),
    }
    expect(verifyWebhook(Buffer.from(body), headers, secret)).toEqual(event)
    expect(verifyWebhook(new TextEncoder().encode(body), headers, secret)).toEqual(event)
  })

  it('header names in any case, a Fetch Headers object and Node-style array values', () => {
    const secret = newSecret()
    const headers = signedHeaders(secret, body)
    const shouted = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toUpperCase(), [value, 'ignored']]),
    )
    expect(verifyWebhook(body, shouted, secret)).toEqual(event)
    expect(verifyWebhook(body, new Headers(headers), secret)).toEqual(event)
  })

  it('any one of several space-separated signatures (a rotated secret)', () => {
    const secret = newSecret()
    const headers = signedHeaders(secret, body)
    const other = nodeSignature(
      newSecret(),
      headers['svix-id'] ?? '',
      headers['svix-timestamp'] ?? '',
      body,
    )
    headers['svix-signature'] = `v2,abc ${other}   ${headers['svix-signature']}`
    expect(verifyWebhook(body, headers, secret)).toEqual(event)
  })

  it('an old timestamp within a larger tolerance, and any age with tolerance null', () => {
    const secret = newSecret()
    const hourOld = signedHeaders(secret, body, -3600)
    expect(verifyWebhook(body, hourOld, secret, 7200)).toEqual(event)
    expect(verifyWebhook(body, hourOld, secret, null)).toEqual(event)
    expect(verifyWebhook(body, signedHeaders(secret, body, 3600), secret, null)).toEqual(event)
  })

  it('a timestamp up to 60 s ahead (clock skew)', () => {
    const secret = newSecret()
    expect(verifyWebhook(body, signedHeaders(secret, body, 50), secret)).toEqual(event)
  })
})

describe('verifyWebhook refuses', () => {
  const secret = newSecret()

  it.each(['svix-id', 'svix-timestamp', 'svix-signature'])('a missing %s header', (name) => {
    const headers: Record<string, string | string[]> = signedHeaders(secret, body)
    delete headers[name]
    const error = refusal(() => verifyWebhook(body, headers, secret))
    expect(error.reason).toBe('missing_header')
    expect(error.message).toContain(name)
    headers[name] = []
    expect(refusal(() => verifyWebhook(body, headers, secret)).reason).toBe('missing_header')
  })

  it('a Headers object without the signature headers', () => {
    expect(refusal(() => verifyWebhook(body, new Headers(), secret)).reason).toBe('missing_header')
  })

  it('a bad signature, a wrong secret and a tampered body', () => {
    const headers = signedHeaders(secret, body)
    const bad = { ...headers, 'svix-signature': 'v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }
    expect(refusal(() => verifyWebhook(body, bad, secret)).reason).toBe('invalid_signature')
    expect(
      refusal(() => verifyWebhook(body, { ...headers, 'svix-signature': 'garbage' }, secret))
        .reason,
    ).toBe('invalid_signature')
    expect(refusal(() => verifyWebhook(body, headers, newSecret())).reason).toBe(
      'invalid_signature',
    )
    const tampered = body.replace('pay_1', 'pay_2')
    expect(refusal(() => verifyWebhook(tampered, headers, secret)).reason).toBe('invalid_signature')
    // The id and timestamp are signed too.
    const otherId = { ...headers, 'svix-id': 'msg_other' }
    expect(refusal(() => verifyWebhook(body, otherId, secret)).reason).toBe('invalid_signature')
  })

  it('a stale timestamp (default 300 s, or the given tolerance)', () => {
    const stale = signedHeaders(secret, body, -301)
    const error = refusal(() => verifyWebhook(body, stale, secret))
    expect(error.reason).toBe('timestamp_too_old')
    expect(error.code).toBe('webhook_verification_failed')
    expect(error.status).toBe(400)
    expect(
      refusal(() => verifyWebhook(body, signedHeaders(secret, body, -20), secret, 10)).reason,
    ).toBe('timestamp_too_old')
  })

  it('a timestamp more than 60 s in the future, whatever the tolerance', () => {
    const ahead = signedHeaders(secret, body, 120)
    expect(refusal(() => verifyWebhook(body, ahead, secret)).reason).toBe('timestamp_too_new')
    expect(refusal(() => verifyWebhook(body, ahead, secret, 10_000)).reason).toBe(
      'timestamp_too_new',
    )
  })

  it('a timestamp that is not whole seconds', () => {
    const headers = { ...signedHeaders(secret, body), 'svix-timestamp': 'soon' }
    expect(refusal(() => verifyWebhook(body, headers, secret)).reason).toBe('invalid_timestamp')
    expect(refusal(() => verifyWebhook(body, headers, secret, null)).reason).toBe(
      'invalid_timestamp',
    )
  })

  it('a secret without whsec_ or with a key that is not strict base64', () => {
    const headers = signedHeaders(secret, body)
    for (const wrong of [
      secret.slice(6),
      'whsec_',
      'whsec_not base64!',
      'whsec_QUJD=',
      'whsec_QUJ',
    ]) {
      expect(refusal(() => verifyWebhook(body, headers, wrong)).reason, wrong).toBe(
        'invalid_secret',
      )
    }
  })

  it('a correctly signed body that is not JSON', () => {
    const text = 'not json'
    const error = refusal(() => verifyWebhook(text, signedHeaders(secret, text), secret))
    expect(error.reason).toBe('invalid_payload')
  })

  it('a negative or NaN tolerance as a programming error', () => {
    const headers = signedHeaders(secret, body)
    expect(() => verifyWebhook(body, headers, secret, -1)).toThrow(RangeError)
    expect(() => verifyWebhook(body, headers, secret, Number.NaN)).toThrow(RangeError)
  })
})

describe('parity with upstream 0.18 verifyWebhook', () => {
  const secret = newSecret()
  const cases: Array<[string, Record<string, string>, string, number | null | undefined]> = [
    ['fresh', signedHeaders(secret, body), body, undefined],
    ['stale', signedHeaders(secret, body, -400), body, undefined],
    ['stale, null tolerance', signedHeaders(secret, body, -400), body, null],
    ['future', signedHeaders(secret, body, 90), body, undefined],
    ['tampered', signedHeaders(secret, body), `${body} `, undefined],
    ['wrong key', signedHeaders(newSecret(), body), body, undefined],
  ]

  it.each(cases)('agrees on %s', (_name, headers, payload, tolerance) => {
    const outcome = (run: () => unknown) => {
      try {
        return { ok: run() }
      } catch (error) {
        return { refused: (error as Error).name }
      }
    }
    const ours = outcome(() => verifyWebhook(payload, headers, secret, tolerance))
    const theirs = outcome(() => upstreamVerifyWebhook(payload, headers, secret, tolerance))
    expect(ours).toEqual(theirs)
  })
})
