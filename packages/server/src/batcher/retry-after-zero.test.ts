import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FlowgladServerAdmin } from '../admin/flowglad-server-admin.js'
import { createUsageBatcher } from './index.js'

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  })
})
afterEach(() => {
  vi.useRealTimers()
})

/**
 * An API that answers every request at once with 503 `Retry-After: 0`, through the real REST
 * client. After `limit` requests it answers 401, so a batcher that never backs off still ends.
 */
function unavailableApi(limit: number, now: () => number) {
  const requestTimes: number[] = []
  const fetch = async () => {
    requestTimes.push(now())
    if (requestTimes.length > limit) {
      return Response.json({ error: 'stop', code: 'UNAUTHORIZED' }, { status: 401 })
    }
    return Response.json(
      { error: 'unavailable', code: 'SERVICE_UNAVAILABLE' },
      { status: 503, headers: { 'retry-after': '0' } },
    )
  }
  const admin = new FlowgladServerAdmin({
    apiKey: 'sk_test_retry',
    baseURL: 'http://api.test',
    fetch: fetch as typeof globalThis.fetch,
  })
  return { admin, requestTimes }
}

describe('usage batcher against an API answering 503 Retry-After: 0', () => {
  it('backs off anyway: a handful of requests in 10 s, each on its own timer tick', async () => {
    let ticks = 0
    const { admin, requestTimes } = unavailableApi(200, () => ticks)
    const batcher = createUsageBatcher({ client: admin })
    const interval = setInterval(() => {
      ticks += 1
    }, 100)

    batcher.track({ subscriptionId: 'sub_1', usageMeterSlug: 'api_calls' })
    const flushed = batcher.flush().catch(() => undefined)
    await vi.advanceTimersByTimeAsync(10_000)
    clearInterval(interval)

    // The app's own timers kept firing all along: 10 s of 100 ms ticks.
    expect(ticks).toBe(100)
    // Backoff 250–500 ms, then doubling: 5 or 6 attempts in 10 s, never a burst.
    expect(requestTimes.length).toBeGreaterThanOrEqual(4)
    expect(requestTimes.length).toBeLessThanOrEqual(7)
    // No two attempts in the same tick, and the gaps grow.
    const gaps = requestTimes.slice(1).map((time, index) => time - (requestTimes[index] as number))
    expect(gaps.every((gap) => gap >= 2)).toBe(true)
    expect(gaps.at(-1)).toBeGreaterThan(gaps[0] as number)

    const stopped = batcher.shutdown({ timeoutMs: 0 })
    await vi.advanceTimersByTimeAsync(1)
    expect(await stopped).toMatchObject({ tracked: 1, delivered: 0, pending: 0 })
    await flushed
  })
})
