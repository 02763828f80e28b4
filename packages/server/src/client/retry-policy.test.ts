import { describe, expect, it } from 'vitest'
import { backoffDelayMs, isRetryableStatus, retryAfterMs, retryDelayMs } from './retry-policy.js'

describe('retry policy', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 502, 503, 599].every(isRetryableStatus)).toBe(true)
    expect([400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false)
  })

  it('full jitter stays within the exponential ceiling, capped at 8 s', () => {
    expect(backoffDelayMs(0, () => 0.999)).toBeLessThan(500)
    expect(backoffDelayMs(2, () => 0.999)).toBeLessThan(2000)
    expect(backoffDelayMs(2, () => 0.999)).toBeGreaterThan(1900)
    expect(backoffDelayMs(10, () => 0.999)).toBeLessThan(8000)
    expect(backoffDelayMs(3, () => 0)).toBe(0)
  })

  it('parses Retry-After seconds, HTTP dates and retry-after-ms', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }))).toBe(3000)
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:10 GMT' }), now)).toBe(
      10_000,
    )
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }))).toBe(250)
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined()
    expect(retryAfterMs(new Headers())).toBeUndefined()
  })

  it('ignores a server wait over 60 s and uses its own backoff', () => {
    expect(retryDelayMs(0, new Headers({ 'retry-after': '3600' }))).toBeLessThan(500)
  })
})
