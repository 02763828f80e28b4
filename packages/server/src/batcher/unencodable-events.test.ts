import type { UsageEvent } from '@flowglad/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { UsageEventWireInput } from '../client/wire-types.js'
import { createUsageBatcher, UsageFlushError } from './index.js'
import type { UsageBatcherClient, UsageFailure } from './types.js'

/** Like the real clients: the batch is JSON-encoded before anything goes out. */
function encodingClient(beforeEncoding: (events: UsageEventWireInput[]) => void = () => {}) {
  const requests: UsageEventWireInput[][] = []
  const client: UsageBatcherClient = {
    async bulkCreateUsageEvents(params) {
      const events = params.usageEvents as unknown as UsageEventWireInput[]
      beforeEncoding(events)
      const sent = JSON.parse(JSON.stringify({ usageEvents: events })).usageEvents
      requests.push(sent)
      const rows = sent.map((event: UsageEventWireInput) => ({
        transactionId: event.transactionId,
      }))
      return { usageEvents: rows as UsageEvent[] }
    },
  }
  return { client, requests }
}

const good = (index: number) => ({
  subscriptionId: 'sub_1',
  usageMeterSlug: 'api_calls',
  transactionId: `good_${index}`,
})

function deeplyNested(levels: number): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  let node = root
  for (let level = 0; level < levels; level++) {
    const child: Record<string, unknown> = {}
    node.next = child
    node = child
  }
  return root
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('events that cannot be encoded as JSON', () => {
  it.each([
    ['BigInt', () => ({ tokens: 10n })],
    [
      'circular',
      () => {
        const properties: Record<string, unknown> = {}
        properties.self = properties
        return properties
      },
    ],
    ['5,000 levels deep', () => deeplyNested(5_000)],
  ])('track() refuses %s properties with validation_error and queues nothing', (_name, properties) => {
    const { client } = encodingClient()
    const batcher = createUsageBatcher({ client })
    expect(() => batcher.track({ ...good(0), properties: properties() })).toThrow(
      expect.objectContaining({ code: 'validation_error' }),
    )
    expect(batcher.size).toBe(0)
  })

  it.each([
    ['a BigInt', (nested: Record<string, unknown>) => Object.assign(nested, { tokens: 10n })],
    ['a cycle', (nested: Record<string, unknown>) => Object.assign(nested, { loop: nested })],
    [
      'a throwing getter',
      (nested: Record<string, unknown>) =>
        Object.defineProperty(nested, 'boom', {
          enumerable: true,
          get: () => {
            throw new Error('getter failed')
          },
        }),
    ],
  ])('one event whose properties gained %s after track(): the 50 others are delivered, it fails for good', async (_name, spoil) => {
    const { client, requests } = encodingClient()
    const failed: UsageFailure[] = []
    const batcher = createUsageBatcher({ client, onError: (f) => failed.push(...f) })
    for (let index = 0; index < 25; index++) batcher.track(good(index))
    // The caller keeps a reference into `properties` and changes it while the event is queued.
    const nested: Record<string, unknown> = {}
    batcher.track({ ...good(99), transactionId: 'bad', properties: { nested } })
    spoil(nested)
    for (let index = 25; index < 50; index++) batcher.track(good(index))

    const settled = batcher.flush().then(
      (result) => ({ result, error: undefined }),
      (error: unknown) => ({ result: undefined, error }),
    )
    await vi.advanceTimersByTimeAsync(60_000)
    const { error } = await settled

    expect(error).toBeInstanceOf(UsageFlushError)
    expect(error).toMatchObject({ code: 'validation_error', delivered: 50 })
    expect(failed.map((f) => [f.transactionId, f.error.code])).toEqual([
      ['bad', 'validation_error'],
    ])
    expect(requests).toHaveLength(1)
    expect(requests[0]?.map((event) => event.transactionId)).toHaveLength(50)
    expect(batcher.stats()).toMatchObject({ delivered: 50, failed: 1, pending: 0 })
  })

  it('an event spoiled between the check and the send is dropped on its own; the rest is resent', async () => {
    let spoiled = false
    const { client, requests } = encodingClient((events) => {
      const victim = events.find((event) => event.transactionId === 'bad')
      if (!spoiled && victim?.properties) {
        spoiled = true
        Object.assign(victim.properties, { tokens: 10n })
      }
    })
    const failed: UsageFailure[] = []
    const batcher = createUsageBatcher({ client, onError: (f) => failed.push(...f) })
    for (let index = 0; index < 10; index++) batcher.track(good(index))
    batcher.track({ ...good(99), transactionId: 'bad', properties: { ok: true } })
    const settled = batcher.flush().catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await settled).toMatchObject({ delivered: 10 })
    expect(failed.map((f) => f.transactionId)).toEqual(['bad'])
    expect(requests.map((sent) => sent.length)).toEqual([10])
  })
})
