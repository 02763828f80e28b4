import { FlowgladError, type UsageEvent } from '@flowglad/shared'
import { describe, expect, it } from 'vitest'
import { FlowgladApiError } from '../client/api-error.js'
import type { UsageEventWireInput } from '../client/wire-types.js'
import { MAX_RETRY_AFTER_MS, RETRY_CAP_MS, retryDelayMs } from './backoff.js'
import { asFlowgladError, classifyFailure, retryAfterHintMs } from './classify-error.js'
import type { QueuedEvent } from './entry.js'
import { Fifo } from './fifo.js'
import { receiptsFor } from './receipts.js'

const apiError = (status: number) =>
  new FlowgladApiError({
    status,
    apiCode: undefined,
    requestId: undefined,
    body: null,
    message: 'x',
  })

describe('classifyFailure', () => {
  it.each([
    [apiError(500), 'transient'],
    [apiError(503), 'transient'],
    [apiError(408), 'transient'],
    [apiError(429), 'transient'],
    [new FlowgladError('upstream_unavailable', 'network'), 'transient'],
    [new TypeError('fetch failed'), 'transient'],
    [apiError(413), 'too_large'],
    [apiError(400), 'rejected'],
    [apiError(404), 'rejected'],
    [apiError(409), 'rejected'],
    [new FlowgladError('forbidden', 'not yours'), 'rejected'],
    [apiError(401), 'fatal'],
  ])('%s → %s', (error, kind) => {
    expect(classifyFailure(error)).toBe(kind)
  })

  it('reads a retry-after hint from the error or its details', () => {
    expect(retryAfterHintMs(Object.assign(apiError(429), { retryAfterMs: 1500 }))).toBe(1500)
    expect(retryAfterHintMs({ details: { retryAfterMs: 200 } })).toBe(200)
    expect(retryAfterHintMs(apiError(429))).toBeUndefined()
    expect(retryAfterHintMs({ retryAfterMs: -1 })).toBeUndefined()
  })

  it('turns anything into a catalogue error', () => {
    expect(asFlowgladError(new TypeError('boom'))).toMatchObject({ code: 'upstream_unavailable' })
    const typed = apiError(404)
    expect(asFlowgladError(typed)).toBe(typed)
  })
})

describe('retryDelayMs', () => {
  it('grows with failures, stays under the cap and never drops to zero', () => {
    expect(retryDelayMs(1, undefined, () => 0)).toBe(250)
    expect(retryDelayMs(3, undefined, () => 0)).toBe(1000)
    expect(retryDelayMs(30, undefined, () => 0.999)).toBeLessThanOrEqual(RETRY_CAP_MS)
    expect(retryDelayMs(30, undefined, () => 0)).toBe(RETRY_CAP_MS / 2)
  })

  it('lets a server-requested wait lengthen the backoff, up to 5 minutes', () => {
    expect(retryDelayMs(1, 20_000, () => 0)).toBe(20_000)
    expect(retryDelayMs(1, 60 * 60_000, () => 0)).toBe(MAX_RETRY_AFTER_MS)
  })

  it('never lets a server-requested wait shorten it: Retry-After: 0 still backs off', () => {
    expect(retryDelayMs(1, 0, () => 0)).toBe(250)
    expect(retryDelayMs(5, 2_000, () => 0)).toBe(4_000)
    expect(retryDelayMs(30, 0, () => 0)).toBe(RETRY_CAP_MS / 2)
  })
})

describe('Fifo', () => {
  it('keeps order across takes and compactions', () => {
    const fifo = new Fifo<number>()
    for (let i = 0; i < 5000; i++) fifo.push(i)
    expect(fifo.take(3000)).toHaveLength(3000)
    fifo.push(5000)
    expect(fifo.peek()).toBe(3000)
    expect(fifo.drain()).toEqual(Array.from({ length: 2001 }, (_, i) => 3000 + i))
    expect(fifo.length).toBe(0)
  })
})

describe('receiptsFor', () => {
  const entry = (seq: number, event: Partial<UsageEventWireInput>): QueuedEvent => ({
    seq,
    attempts: 0,
    settled: false,
    event: { subscriptionId: 'sub_1', amount: 1, transactionId: 'tx', ...event },
  })
  const row = (transactionId: string, usageMeterId: string) =>
    ({ id: `usage_event_${usageMeterId}`, transactionId, usageMeterId, priceId: 'p' }) as UsageEvent

  it('matches rows by transactionId and meter, one row per event', () => {
    const entries = [
      entry(1, { usageMeterId: 'um_a' }),
      entry(2, { usageMeterId: 'um_b' }),
      entry(3, { usageMeterId: 'um_b' }),
    ]
    const receipts = receiptsFor(entries, [row('tx', 'um_b')])
    expect(receipts.map((r) => [r.status, r.usageEvent?.id])).toEqual([
      ['duplicate', undefined],
      ['created', 'usage_event_um_b'],
      ['duplicate', undefined],
    ])
  })
})
