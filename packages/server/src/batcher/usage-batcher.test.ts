import { FlowgladError, type UsageEvent } from '@flowglad/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FlowgladApiError } from '../client/api-error.js'
import type { UsageEventWireInput } from '../client/wire-types.js'
import type { UsageEventInput } from '../server/usage-event-input.js'
import { createUsageBatcher, UsageFlushError } from './index.js'
import type {
  UsageBatcherCallOptions,
  UsageBatcherClient,
  UsageBatcherOptions,
  UsageFailure,
  UsageReceipt,
} from './types.js'

type Reply = (
  events: UsageEventWireInput[],
  callIndex: number,
) => Promise<UsageEvent[]> | UsageEvent[]

function row(event: UsageEventWireInput): UsageEvent {
  return {
    id: `usage_event_${event.transactionId}`,
    customerId: 'cust_1',
    subscriptionId: event.subscriptionId,
    usageMeterId: event.usageMeterId ?? 'usage_meter_1',
    priceId: event.priceId ?? 'price_1',
    billingPeriodId: null,
    amount: event.amount,
    usageDate: 0,
    transactionId: event.transactionId,
    properties: null,
    pricingModelId: 'pricing_model_1',
    createdAt: 0,
    updatedAt: 0,
    livemode: false,
  }
}

/** A fake API with the bulk endpoint's idempotency: known transactionIds are left out. */
class FakeClient implements UsageBatcherClient {
  readonly calls: {
    events: UsageEventWireInput[]
    options: UsageBatcherCallOptions | undefined
  }[] = []
  readonly stored = new Map<string, UsageEventWireInput>()
  reply: Reply = (events) => this.store(events)

  store(events: UsageEventWireInput[]): UsageEvent[] {
    const created: UsageEvent[] = []
    for (const event of events) {
      if (this.stored.has(event.transactionId)) continue
      this.stored.set(event.transactionId, event)
      created.push(row(event))
    }
    return created
  }

  async bulkCreateUsageEvents(
    params: { usageEvents: UsageEventInput[] },
    options?: UsageBatcherCallOptions,
  ): Promise<{ usageEvents: UsageEvent[] }> {
    const events = params.usageEvents as unknown as UsageEventWireInput[]
    this.calls.push({ events, options })
    return { usageEvents: await this.reply(events, this.calls.length - 1) }
  }
}

function apiError(status: number, apiCode?: string, message = 'failed'): FlowgladApiError {
  return new FlowgladApiError({
    status,
    apiCode,
    requestId: 'req_1',
    body: { error: message },
    message,
  })
}

const event = (extra: Record<string, unknown> = {}) => ({
  subscriptionId: 'sub_1',
  usageMeterSlug: 'api_calls',
  ...extra,
})

function setup(options: Partial<UsageBatcherOptions> = {}) {
  const client = new FakeClient()
  const delivered: UsageReceipt[] = []
  const failed: UsageFailure[] = []
  const batcher = createUsageBatcher({
    client,
    onDelivered: (receipts) => delivered.push(...receipts),
    onError: (failures) => failed.push(...failures),
    ...options,
  })
  return { client, batcher, delivered, failed }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('track', () => {
  it('fills amount 1 and a transactionId at enqueue time, and returns it', async () => {
    const { client, batcher } = setup()
    const transactionId = batcher.track(event())
    const own = batcher.track(event({ transactionId: 'tx_mine', amount: 7 }))
    await batcher.flush()
    expect(transactionId).toMatch(/^[\w-]{21}$/)
    expect(own).toBe('tx_mine')
    expect(client.calls[0]?.events).toEqual([
      { subscriptionId: 'sub_1', usageMeterSlug: 'api_calls', amount: 1, transactionId },
      { subscriptionId: 'sub_1', usageMeterSlug: 'api_calls', amount: 7, transactionId: 'tx_mine' },
    ])
  })

  it('rejects bad input synchronously with validation_error and queues nothing', () => {
    const { batcher } = setup()
    const bad: unknown[] = [
      null,
      { subscriptionId: 'sub_1' },
      event({ amount: 0 }),
      event({ amount: 1.5 }),
      event({ usageMeterId: 'um_1' }),
      event({ transactionId: '' }),
      event({ typo: true }),
    ]
    for (const input of bad) {
      expect(() => batcher.track(input as never)).toThrow(
        expect.objectContaining({ code: 'validation_error' }),
      )
    }
    expect(batcher.size).toBe(0)
  })

  it('throws queue_full at the bound, never holds more, and accepts again once there is room', async () => {
    const { client, batcher } = setup({ maxQueueSize: 10, maxBatchSize: 4 })
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    client.reply = async (events) => {
      await gate
      return client.store(events)
    }
    const sizes: number[] = []
    for (let i = 0; i < 10; i++) {
      batcher.track(event())
      sizes.push(batcher.size)
    }
    await Promise.resolve()
    expect(() => batcher.track(event({ transactionId: 'tx_overflow' }))).toThrow(
      expect.objectContaining({ code: 'queue_full', status: 503 }),
    )
    expect(batcher.size).toBe(10)
    expect(Math.max(...sizes)).toBe(10)
    release()
    await batcher.flush()
    expect(batcher.size).toBe(0)
    expect(client.stored.has('tx_overflow')).toBe(false)
    expect(() => batcher.track(event())).not.toThrow()
  })
})

describe('batching', () => {
  it('sends full batches at once and a partial batch after flushIntervalMs', async () => {
    const { client, batcher } = setup({ maxBatchSize: 3, flushIntervalMs: 1_000 })
    for (let i = 0; i < 7; i++) batcher.track(event())
    await vi.advanceTimersByTimeAsync(0)
    expect(client.calls.map((call) => call.events.length)).toEqual([3, 3])
    await vi.advanceTimersByTimeAsync(999)
    expect(client.calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(client.calls.map((call) => call.events.length)).toEqual([3, 3, 1])
  })

  it('asks the client for exactly one request per batch and no retries of its own', async () => {
    const { client, batcher } = setup({ maxBatchSize: 2 })
    batcher.track(event())
    batcher.track(event())
    await batcher.flush()
    expect(client.calls[0]?.options).toMatchObject({ maxRetries: 0, chunkSize: 2 })
  })

  it('flush waits only for events tracked before it', async () => {
    const { client, batcher } = setup({ maxBatchSize: 1 })
    const replies: (() => void)[] = []
    client.reply = (events) =>
      new Promise((resolve) => replies.push(() => resolve(client.store(events))))
    batcher.track(event({ transactionId: 'tx_before' }))
    let done = false
    const flushed = batcher.flush().then((result) => {
      done = true
      return result
    })
    batcher.track(event({ transactionId: 'tx_after' }))
    await vi.advanceTimersByTimeAsync(0)
    replies[0]?.()
    expect(await flushed).toEqual({ delivered: 1 })
    expect(done).toBe(true)
    expect(batcher.size).toBe(1)
  })

  it('reports per-event receipts: created, or duplicate when the API already held it', async () => {
    const { client, batcher, delivered } = setup()
    client.stored.set(
      'tx_known',
      event({ amount: 1, transactionId: 'tx_known' }) as UsageEventWireInput,
    )
    batcher.track(event({ transactionId: 'tx_new' }))
    batcher.track(event({ transactionId: 'tx_known' }))
    batcher.track(event({ transactionId: 'tx_new' }))
    await batcher.flush()
    expect(delivered.map((receipt) => [receipt.transactionId, receipt.status])).toEqual([
      ['tx_new', 'created'],
      ['tx_known', 'duplicate'],
      ['tx_new', 'duplicate'],
    ])
    expect(delivered[0]?.usageEvent?.id).toBe('usage_event_tx_new')
    expect(batcher.stats()).toMatchObject({ tracked: 3, delivered: 3, created: 1, duplicates: 2 })
  })
})

describe('failures', () => {
  it('retries 5xx, 429 and network errors with the same transactionIds until they land', async () => {
    const { client, batcher, failed } = setup()
    const errors = [
      apiError(503),
      new FlowgladError('upstream_unavailable', 'could not be reached'),
      apiError(429, 'TOO_MANY_REQUESTS'),
      new TypeError('socket hang up'),
    ]
    client.reply = (events, index) => {
      const error = errors[index]
      if (error) throw error
      return client.store(events)
    }
    const ids = [batcher.track(event()), batcher.track(event())]
    const flushed = batcher.flush()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await flushed).toEqual({ delivered: 2 })
    expect(client.calls).toHaveLength(5)
    for (const call of client.calls) {
      expect(call.events.map((e) => e.transactionId)).toEqual(ids)
    }
    expect(failed).toEqual([])
  })

  it('waits as long as a retry-after hint asks before trying again', async () => {
    const { client, batcher } = setup()
    const throttled = Object.assign(apiError(429, 'TOO_MANY_REQUESTS'), { retryAfterMs: 20_000 })
    client.reply = (events, index) => {
      if (index === 0) throw throttled
      return client.store(events)
    }
    batcher.track(event())
    const flushed = batcher.flush()
    await vi.advanceTimersByTimeAsync(19_999)
    expect(client.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await flushed
    expect(client.calls).toHaveLength(2)
  })

  it('gives up after maxRetries and reports the events with the last error', async () => {
    const { client, batcher, failed } = setup({ maxRetries: 2 })
    client.reply = () => {
      throw apiError(500, 'INTERNAL_SERVER_ERROR')
    }
    const transactionId = batcher.track(event())
    const flushed = batcher.flush().catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(60_000)
    const error = await flushed
    expect(error).toBeInstanceOf(UsageFlushError)
    expect(error).toMatchObject({ code: 'upstream_unavailable', delivered: 0 })
    expect(client.calls).toHaveLength(3)
    expect(failed.map((f) => [f.transactionId, f.error.code])).toEqual([
      [transactionId, 'upstream_unavailable'],
    ])
  })

  it('splits a batch the API finds too large (413) and remembers the smaller size', async () => {
    const { client, batcher, failed } = setup({ maxBatchSize: 8 })
    client.reply = (events) => {
      if (events.length > 3) throw apiError(413, undefined, 'Payload Too Large')
      return client.store(events)
    }
    for (let i = 0; i < 8; i++) batcher.track(event())
    await batcher.flush()
    expect(client.stored.size).toBe(8)
    expect(failed).toEqual([])
    const sizes = client.calls.map((call) => call.events.length)
    expect(sizes.slice(0, 3)).toEqual([8, 4, 2])
    // 4 was too large, so later batches hold at most 2.
    const before = client.calls.length
    for (let i = 0; i < 3; i++) batcher.track(event())
    await batcher.flush()
    expect(client.calls.slice(before).map((call) => call.events.length)).toEqual([2, 1])
  })

  it('bisects a rejected batch so the good events land and only the bad ones fail', async () => {
    const { client, batcher, failed } = setup({ maxBatchSize: 16 })
    client.reply = (events) => {
      const bad = events.findIndex((e) => e.usageMeterSlug === 'no_such_meter')
      if (bad >= 0) throw apiError(404, 'NOT_FOUND', `UsageMeter not found (index ${bad})`)
      return client.store(events)
    }
    const good: string[] = []
    const bad: string[] = []
    for (let i = 0; i < 16; i++) {
      if (i === 3 || i === 11) bad.push(batcher.track(event({ usageMeterSlug: 'no_such_meter' })))
      else good.push(batcher.track(event()))
    }
    const error = await batcher.flush().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UsageFlushError)
    expect(error).toMatchObject({ code: 'not_found', delivered: 14 })
    expect((error as UsageFlushError).failures.map((f) => f.transactionId)).toEqual(bad)
    expect([...client.stored.keys()].sort()).toEqual([...good].sort())
    expect(failed.map((f) => f.error.code)).toEqual(['not_found', 'not_found'])
    expect(batcher.stats()).toMatchObject({ delivered: 14, failed: 2, pending: 0 })
  })

  it('fails a batch without bisecting when nothing in it can succeed (bad key)', async () => {
    const { client, batcher, failed } = setup()
    client.reply = () => {
      throw apiError(401, undefined, 'Unauthorized')
    }
    for (let i = 0; i < 5; i++) batcher.track(event())
    await expect(batcher.flush()).rejects.toBeInstanceOf(UsageFlushError)
    expect(client.calls).toHaveLength(1)
    expect(failed).toHaveLength(5)
  })

  it('keeps delivering when a callback throws', async () => {
    const { client, batcher } = setup({
      onDelivered: () => {
        throw new Error('app bug')
      },
    })
    batcher.track(event())
    await batcher.flush()
    batcher.track(event())
    await batcher.flush()
    expect(client.stored.size).toBe(2)
  })
})

describe('ownership with a customer-scoped client', () => {
  function scopedClient(owned: string[]) {
    const client = new FakeClient()
    const checks: string[] = []
    const scoped = Object.assign(client, {
      async assertOwnsSubscription(id: string) {
        checks.push(id)
        if (!owned.includes(id))
          throw new FlowgladError('forbidden', `Subscription ${id} is not yours`)
      },
    })
    return { client: scoped, checks }
  }

  it('checks each subscription once, sends owned events and reports foreign ones as forbidden', async () => {
    const { client, checks } = scopedClient(['sub_mine'])
    const failed: UsageFailure[] = []
    const batcher = createUsageBatcher({
      client,
      maxBatchSize: 2,
      onError: (f) => failed.push(...f),
    })
    const foreign = batcher.track(event({ subscriptionId: 'sub_theirs' }))
    for (let i = 0; i < 5; i++) batcher.track(event({ subscriptionId: 'sub_mine' }))
    await expect(batcher.flush()).rejects.toMatchObject({ code: 'forbidden', delivered: 5 })
    expect(checks.sort()).toEqual(['sub_mine', 'sub_theirs'])
    const sent = client.calls.flatMap((call) => call.events.map((e) => e.subscriptionId))
    expect(sent).not.toContain('sub_theirs')
    expect(client.stored.size).toBe(5)
    expect(failed.map((f) => [f.transactionId, f.error.code])).toEqual([[foreign, 'forbidden']])
  })

  it('treats a failed ownership check as transient and asks again', async () => {
    const { client, checks } = scopedClient(['sub_mine'])
    let first = true
    const assert = client.assertOwnsSubscription
    client.assertOwnsSubscription = async (id: string) => {
      if (first) {
        first = false
        checks.push(id)
        throw new FlowgladError('upstream_unavailable', 'billing read failed')
      }
      return assert(id)
    }
    const batcher = createUsageBatcher({ client })
    batcher.track(event({ subscriptionId: 'sub_mine' }))
    const flushed = batcher.flush()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await flushed).toEqual({ delivered: 1 })
    expect(checks).toEqual(['sub_mine', 'sub_mine'])
  })
})

describe('serverless and shutdown', () => {
  it('hands waitUntil a promise that flushes after a short debounce', async () => {
    const handed: Promise<unknown>[] = []
    const { client, batcher } = setup({
      waitUntil: (promise) => handed.push(promise),
      waitUntilDebounceMs: 20,
      flushIntervalMs: 60_000,
    })
    batcher.track(event())
    batcher.track(event())
    expect(handed).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(19)
    expect(client.calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    await handed[0]
    expect(client.calls.map((call) => call.events.length)).toEqual([2])
    batcher.track(event())
    expect(handed).toHaveLength(2)
  })

  it('the waitUntil promise resolves even when events fail', async () => {
    const handed: Promise<unknown>[] = []
    const { client, batcher, failed } = setup({ waitUntil: (promise) => handed.push(promise) })
    client.reply = () => {
      throw apiError(400, 'BAD_REQUEST')
    }
    batcher.track(event())
    await vi.advanceTimersByTimeAsync(20)
    await expect(handed[0]).resolves.toBeUndefined()
    expect(failed).toHaveLength(1)
  })

  it('shutdown flushes everything, returns the counts and refuses new events', async () => {
    const { client, batcher } = setup({ flushIntervalMs: 60_000 })
    for (let i = 0; i < 3; i++) batcher.track(event())
    const counts = await batcher.shutdown()
    expect(client.stored.size).toBe(3)
    expect(counts).toEqual({
      tracked: 3,
      delivered: 3,
      created: 3,
      duplicates: 0,
      failed: 0,
      pending: 0,
    })
    expect(() => batcher.track(event())).toThrow(
      expect.objectContaining({ code: 'internal_error' }),
    )
  })

  it('shutdown gives up after timeoutMs and reports what it could not deliver', async () => {
    const { client, batcher, failed } = setup()
    client.reply = () => {
      throw apiError(503)
    }
    const ids = [batcher.track(event()), batcher.track(event())]
    const shutdown = batcher.shutdown({ timeoutMs: 5_000 })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await shutdown).toMatchObject({ delivered: 0, failed: 2, pending: 0 })
    expect(failed.map((f) => [f.transactionId, f.error.code])).toEqual(
      ids.map((id) => [id, 'upstream_unavailable']),
    )
    const calls = client.calls.length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(client.calls).toHaveLength(calls)
  })

  it('shutdown aborts a request that hangs past the timeout', async () => {
    const { client, batcher } = setup()
    let signal: AbortSignal | undefined
    client.bulkCreateUsageEvents = (_params, options) => {
      signal = options?.signal
      return new Promise(() => undefined)
    }
    batcher.track(event())
    const shutdown = batcher.shutdown({ timeoutMs: 1_000 })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await shutdown).toMatchObject({ failed: 1, pending: 0 })
    expect(signal?.aborted).toBe(true)
  })
})

describe('options', () => {
  it.each([
    [{ client: {} }, /client/],
    [{ maxBatchSize: 0 }, /maxBatchSize/],
    [{ maxQueueSize: 1.5 }, /maxQueueSize/],
    [{ flushIntervalMs: -1 }, /flushIntervalMs/],
    [{ maxRetries: -1 }, /maxRetries/],
    [{ onError: 'log' }, /onError/],
  ])('rejects %o', (bad, message) => {
    expect(() => createUsageBatcher({ client: new FakeClient(), ...(bad as object) })).toThrow(
      expect.objectContaining({
        code: 'validation_error',
        message: expect.stringMatching(message),
      }),
    )
  })
})
