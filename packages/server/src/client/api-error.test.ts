import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { apiErrorFromResponse, FlowgladApiError } from './api-error.js'
import { redactSecret } from './redact.js'

const secret = 'sk_live_do_not_leak'

function echoingError(body: unknown, headerRequestId: string | null = null) {
  const headers = new Headers(headerRequestId === null ? {} : { 'x-request-id': headerRequestId })
  return apiErrorFromResponse(
    { status: 500, headers, body },
    'GET /api/v1/customers/x/billing',
    secret,
  )
}

describe('FlowgladApiError redacts the secret key from every field', () => {
  const body = {
    error: `bad key ${secret}`,
    code: `CODE_${secret}`,
    request_id: `req_${secret}`,
    nested: [{ deeper: { [`key:${secret}`]: `Bearer ${secret}` } }],
  }

  it('message, apiCode, requestId, details and body', () => {
    const error = echoingError(body)
    expect(error.message).toContain('[redacted]')
    const fields = [error.message, error.apiCode, error.requestId, error.details, error.body]
    for (const field of fields) expect(JSON.stringify(field)).not.toContain(secret)
    expect(error.requestId).toBe('req_[redacted]')
    expect(error.body).toEqual({
      error: 'bad key [redacted]',
      code: 'CODE_[redacted]',
      request_id: 'req_[redacted]',
      nested: [{ deeper: { 'key:[redacted]': 'Bearer [redacted]' } }],
    })
  })

  it('a request id from the header, and a plain-text body', () => {
    const error = echoingError(`oops ${secret}`, `hdr_${secret}`)
    expect(error.requestId).toBe('hdr_[redacted]')
    expect(error.body).toBe('oops [redacted]')
  })

  it('what util.inspect, console.log and JSON.stringify print', () => {
    const error = echoingError(body)
    const printed = inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })
    expect(printed).not.toContain(secret)
    expect(printed).toContain('FlowgladApiError')
    expect(printed).toContain('req_[redacted]')
    expect(JSON.stringify(error)).not.toContain(secret)
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'FlowgladApiError',
      code: 'upstream_unavailable',
      status: 500,
      requestId: 'req_[redacted]',
    })
  })

  it('the constructor redacts too, when given the secret', () => {
    const error = new FlowgladApiError({
      status: 403,
      apiCode: secret,
      requestId: secret,
      body: { secret },
      message: `m ${secret}`,
      secret,
    })
    expect(inspect(error, { depth: 10 })).not.toContain(secret)
    expect(error.code).toBe('forbidden')
  })
})

describe('redactSecret', () => {
  it('copies without recursion, so a very deep answer cannot overflow the stack', () => {
    let deep: unknown = secret
    for (let level = 0; level < 100_000; level++) deep = { a: deep }
    let cursor = redactSecret(deep, secret) as { a: unknown }
    for (let level = 0; level < 100_000; level++) cursor = cursor.a as { a: unknown }
    expect(cursor).toBe('[redacted]')
  })

  it('keeps shared and circular references without looping', () => {
    const shared = { text: secret }
    const loop: Record<string, unknown> = { shared, again: shared }
    loop.self = loop
    const copy = redactSecret(loop, secret) as typeof loop
    expect(copy.self).toBe(copy)
    expect(copy.shared).toBe(copy.again)
    expect(copy.shared).toEqual({ text: '[redacted]' })
    expect(loop.shared).toBe(shared) // the input is not changed
  })

  it('leaves values without the secret, and non-strings, as they are', () => {
    expect(redactSecret({ n: 1, b: true, z: null }, secret)).toEqual({ n: 1, b: true, z: null })
    expect(redactSecret(42, secret)).toBe(42)
    expect(redactSecret('x', undefined)).toBe('x')
  })
})
