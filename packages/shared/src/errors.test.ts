import { describe, expect, it, vi } from 'vitest'
import {
  FlowgladError,
  flowgladErrorCatalogue,
  flowgladErrorStatuses,
  isFlowgladError,
  toErrorBody,
} from './errors.js'

describe('error catalogue', () => {
  it('holds the codes and statuses of the design', () => {
    const statuses = Object.fromEntries(
      Object.entries(flowgladErrorCatalogue).map(([code, entry]) => [code, entry.status]),
    )
    expect(statuses).toMatchObject({
      validation_error: 400,
      missing_subscription_id: 400,
      unauthenticated: 401,
      forbidden: 403,
      csrf_rejected: 403,
      not_found: 404,
      method_not_allowed: 405,
      conflict: 409,
      payload_too_large: 413,
      rate_limited: 429,
      upstream_unavailable: 502,
      internal_error: 500,
      network_error: 0,
      invalid_response: 0,
      provider_missing: 0,
    })
    // The run-time status table and the documented catalogue are one set of codes and statuses.
    expect(statuses).toEqual(flowgladErrorStatuses)
    for (const entry of Object.values(flowgladErrorCatalogue)) expect(entry.when).not.toBe('')
  })

  it('FlowgladError takes its status from the catalogue unless overridden', () => {
    const error = new FlowgladError('forbidden', 'not yours')
    expect(error).toBeInstanceOf(Error)
    expect([error.code, error.status, error.message, error.name]).toEqual([
      'forbidden',
      403,
      'not yours',
      'FlowgladError',
    ])
    expect(new FlowgladError('upstream_unavailable', 'x', { status: 503 }).status).toBe(503)
  })

  it('the guard accepts FlowgladErrors and look-alikes, not plain errors', () => {
    expect(isFlowgladError(new FlowgladError('conflict', 'x'))).toBe(true)
    expect(isFlowgladError({ code: 'conflict', status: 409, message: 'x' })).toBe(true)
    expect(isFlowgladError({ code: 'teapot', status: 418, message: 'x' })).toBe(false)
    expect(isFlowgladError(new Error('x'))).toBe(false)
    expect(isFlowgladError(null)).toBe(false)
  })

  it('renders the envelope error body', () => {
    expect(
      toErrorBody(new FlowgladError('validation_error', 'bad', { details: [{ path: ['a'] }] })),
    ).toEqual({
      code: 'validation_error',
      json: { message: 'bad', issues: [{ path: ['a'] }] },
    })
    expect(toErrorBody(new FlowgladError('forbidden', 'no'))).toEqual({
      code: 'forbidden',
      json: { message: 'no' },
    })
  })
})

describe('FlowgladError across copies of the module', () => {
  it('instanceof holds for an error made by another copy (same brand), not for look-alikes', async () => {
    vi.resetModules()
    const copy = await import('./errors.js')
    expect(copy.FlowgladError).not.toBe(FlowgladError)
    const fromCopy = new copy.FlowgladError('not_found', 'gone')
    expect(fromCopy instanceof FlowgladError).toBe(true)
    expect(new FlowgladError('conflict', 'x') instanceof copy.FlowgladError).toBe(true)
    const lookAlike = Object.assign(new Error('x'), { code: 'not_found', status: 404 })
    expect(lookAlike instanceof FlowgladError).toBe(false)
  })

  it('a subclass keeps the ordinary check', () => {
    class Narrower extends FlowgladError {}
    expect(new Narrower('conflict', 'x') instanceof Narrower).toBe(true)
    expect(new FlowgladError('conflict', 'x') instanceof Narrower).toBe(false)
    expect(new Narrower('conflict', 'x') instanceof FlowgladError).toBe(true)
  })
})
