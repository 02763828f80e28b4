import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startEmulator } from '../../test/emulator.js'
import { FlowgladServerAdmin } from '../admin/flowglad-server-admin.js'
import { FlowgladServer } from '../server/flowglad-server.js'
import { createUsageBatcher } from './index.js'
import type { UsageBatcher, UsageFailure } from './types.js'

type Next = (request: Request) => Promise<Response>

/** Reproducible pseudo-random numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

type Fault =
  | 'network_before'
  | 'status_503_before'
  | 'stored_then_lost'
  | 'stored_then_502'
  | 'status_429'
const faults: Fault[] = [
  'stored_then_lost',
  'network_before',
  'stored_then_502',
  'status_503_before',
  'status_429',
]

/** Applies a fault to one bulk request. The `stored_*` kinds are the worst case: the emulator kept the batch, the SDK never heard. */
async function applyFault(fault: Fault, request: Request, next: Next): Promise<Response> {
  switch (fault) {
    case 'network_before':
      throw new TypeError('fetch failed: connection reset')
    case 'status_503_before':
      return Response.json({ error: 'unavailable', code: 'INTERNAL_SERVER_ERROR' }, { status: 503 })
    case 'status_429':
      return Response.json(
        { error: 'slow down', code: 'TOO_MANY_REQUESTS' },
        { status: 429, headers: { 'retry-after': '2' } },
      )
    case 'stored_then_lost': {
      const stored = await next(request)
      expect(stored.status).toBe(200)
      throw new TypeError('fetch failed: socket hang up after the request was sent')
    }
    case 'stored_then_502': {
      const stored = await next(request)
      expect(stored.status).toBe(200)
      return new Response('Bad Gateway', { status: 502 })
    }
  }
}

const isBulk = (request: Request) => new URL(request.url).pathname === '/api/v1/usage-events/bulk'

async function newCustomer(admin: FlowgladServerAdmin, externalId: string) {
  const { data } = await admin.createCustomer({
    customer: { externalId, name: externalId, email: `${externalId}@example.com` },
  })
  const subscriptionId = data.subscription?.id
  if (!subscriptionId) throw new Error('the emulator created no subscription')
  return subscriptionId
}

/** −balance of a `sum` meter without credits = the sum of amounts of distinct stored events. */
async function apiCallsCount(admin: FlowgladServerAdmin, externalId: string): Promise<number> {
  const { usageMeterBalances } = await admin.getCustomerUsageBalances(externalId)
  const meter = usageMeterBalances.find((balance) => balance.slug === 'api_calls')
  return meter ? -meter.availableBalance : 0
}

/** Advances fake time (and lets real I/O callbacks run) until `promise` settles. */
async function runUntilSettled<T>(promise: Promise<T>, maxSimulatedMs = 30 * 60_000) {
  let settled = false
  promise.then(
    () => {
      settled = true
    },
    () => {
      settled = true
    },
  )
  for (let elapsed = 0; !settled && elapsed < maxSimulatedMs; elapsed += 250) {
    await vi.advanceTimersByTimeAsync(250)
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  expect(settled, 'the flush never finished').toBe(true)
  return promise
}

function storedTransactionIds(harness: ReturnType<typeof startEmulator>, subscriptionId: string) {
  return [...harness.emulator.state.tables.usageEvents.values()]
    .filter((event) => event.subscriptionId === subscriptionId)
    .map((event) => event.transactionId)
}

describe('usage batcher against the emulator with injected faults', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('delivers 20,000 events exactly once across a 30-second outage (incl. stored-but-lost answers)', async () => {
    const startedAt = Date.now()
    const outage = { from: startedAt + 15_000, to: startedAt + 45_000 }
    const seen = { outageRequests: 0, storedThenLost: 0 }
    let outageIndex = 0
    const harness = startEmulator(async (request, next) => {
      const now = Date.now()
      if (!isBulk(request) || now < outage.from || now >= outage.to) return next(request)
      seen.outageRequests += 1
      // Every request in the window fails; a third of them after the emulator stored the batch.
      const fault = (['stored_then_lost', 'network_before', 'stored_then_502'] as const)[
        outageIndex++ % 3
      ]
      if (fault !== 'network_before') seen.storedThenLost += 1
      return applyFault(fault as Fault, request, next)
    })
    const admin = new FlowgladServerAdmin(harness.clientOptions)
    const subscriptionId = await newCustomer(admin, 'outage_customer')
    const failures: UsageFailure[] = []
    const maxQueueSize = 30_000
    const batcher = createUsageBatcher({
      client: admin,
      maxQueueSize,
      onError: (f) => failures.push(...f),
    })

    const tracked = new Set<string>()
    let largestSize = 0
    // 200 steps of 100 events, 300 ms apart: a 60 s stream with the outage in its middle.
    for (let step = 0; step < 200; step++) {
      for (let i = 0; i < 100; i++) {
        tracked.add(batcher.track({ subscriptionId, usageMeterSlug: 'api_calls' }))
        largestSize = Math.max(largestSize, batcher.size)
      }
      await vi.advanceTimersByTimeAsync(300)
      await new Promise<void>((resolve) => setImmediate(resolve))
      largestSize = Math.max(largestSize, batcher.size)
    }
    expect(Date.now()).toBeGreaterThan(outage.to)
    const result = await runUntilSettled(batcher.flush())

    expect(tracked.size).toBe(20_000)
    expect(result.delivered).toBeLessThanOrEqual(20_000)
    expect(failures).toEqual([])
    expect(seen.outageRequests).toBeGreaterThan(3)
    expect(seen.storedThenLost).toBeGreaterThan(0)
    expect(largestSize).toBeLessThanOrEqual(maxQueueSize)
    expect(await apiCallsCount(admin, 'outage_customer')).toBe(20_000)
    const stored = storedTransactionIds(harness, subscriptionId)
    expect(stored).toHaveLength(20_000)
    expect(new Set(stored)).toEqual(tracked)
    const stats = batcher.stats()
    expect(stats).toMatchObject({ tracked: 20_000, delivered: 20_000, failed: 0, pending: 0 })
    // Batches the emulator kept while the answer was lost came back as duplicates on retry.
    expect(stats.duplicates).toBeGreaterThan(0)
    expect(stats.created + stats.duplicates).toBe(20_000)
  }, 120_000)

  it('delivers 50,000 events exactly once at a 20% random fault rate (seeded)', async () => {
    const random = mulberry32(20_250_101)
    const injected: Record<Fault, number> = {
      network_before: 0,
      status_503_before: 0,
      stored_then_lost: 0,
      stored_then_502: 0,
      status_429: 0,
    }
    const harness = startEmulator(async (request, next) => {
      if (!isBulk(request) || random() >= 0.2) return next(request)
      const fault = faults[Math.floor(random() * faults.length)] as Fault
      injected[fault] += 1
      return applyFault(fault, request, next)
    })
    const admin = new FlowgladServerAdmin(harness.clientOptions)
    const subscriptionId = await newCustomer(admin, 'flaky_customer')
    const failures: UsageFailure[] = []
    const receipts = { created: 0, duplicate: 0 }
    const batcher = createUsageBatcher({
      client: admin,
      onError: (f) => failures.push(...f),
      onDelivered: (list) => {
        for (const receipt of list) receipts[receipt.status] += 1
      },
    })
    const tracked = new Set<string>()
    for (let i = 0; i < 50_000; i++) {
      tracked.add(batcher.track({ subscriptionId, usageMeterSlug: 'api_calls' }))
    }
    await runUntilSettled(batcher.flush())

    expect(failures).toEqual([])
    expect(Object.values(injected).every((count) => count > 0)).toBe(true)
    expect(await apiCallsCount(admin, 'flaky_customer')).toBe(50_000)
    const stored = storedTransactionIds(harness, subscriptionId)
    expect(stored).toHaveLength(50_000)
    expect(new Set(stored)).toEqual(tracked)
    expect(receipts.created + receipts.duplicate).toBe(50_000)
    expect(receipts.duplicate).toBeGreaterThan(0)
  }, 120_000)
})

describe('usage batcher with a customer-scoped FlowgladServer', () => {
  let batcher: UsageBatcher | undefined
  afterEach(async () => {
    await batcher?.shutdown({ timeoutMs: 1_000 })
  })

  it('sends the customer’s own events and never sends a foreign subscription’s', async () => {
    const harness = startEmulator()
    const admin = new FlowgladServerAdmin(harness.clientOptions)
    const own = await newCustomer(admin, 'alice')
    const foreign = await newCustomer(admin, 'mallory')
    const server = new FlowgladServer({
      ...harness.clientOptions,
      customerExternalId: 'alice',
      getCustomerDetails: () => ({ name: 'Alice', email: 'alice@example.com' }),
    })
    const checked: string[] = []
    const assertOwns = server.assertOwnsSubscription.bind(server)
    server.assertOwnsSubscription = (id: string) => {
      checked.push(id)
      return assertOwns(id)
    }
    const failures: UsageFailure[] = []
    batcher = createUsageBatcher({
      client: server,
      maxBatchSize: 4,
      onError: (f) => failures.push(...f),
    })
    const ownIds = Array.from({ length: 10 }, () =>
      batcher?.track({ subscriptionId: own, usageMeterSlug: 'api_calls', amount: 2 }),
    )
    const foreignId = batcher.track({ subscriptionId: foreign, usageMeterSlug: 'api_calls' })

    const flushed = await batcher.flush().catch((error: unknown) => error)

    expect(flushed).toMatchObject({ name: 'UsageFlushError', code: 'forbidden', delivered: 10 })
    expect(failures.map((failure) => [failure.transactionId, failure.error.code])).toEqual([
      [foreignId, 'forbidden'],
    ])
    // One check per distinct subscription, however many batches carried it.
    expect(checked.sort()).toEqual([foreign, own].sort())
    expect(storedTransactionIds(harness, foreign)).toEqual([])
    expect(new Set(storedTransactionIds(harness, own))).toEqual(new Set(ownIds))
    expect(await apiCallsCount(admin, 'alice')).toBe(20)
    expect(await apiCallsCount(admin, 'mallory')).toBe(0)
  })
})
