import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  inTransaction,
  type OutboxHarness,
  rowsByStatus,
  startOutboxHarness,
  storedCounts,
  waitUntilSettled,
} from '../../test/postgres/outbox-harness.js'
import { FlowgladServerAdmin } from '../admin/flowglad-server-admin.js'
import type { UsageFailure } from '../batcher/types.js'
import { FlowgladServer } from '../server/flowglad-server.js'
import type { UsageOutboxRelay } from './types.js'

type Next = (request: Request) => Promise<Response>
type Intercept = (request: Request, next: Next) => Promise<Response>

const isBulk = (request: Request) => new URL(request.url).pathname === '/api/v1/usage-events/bulk'
/** Lets a test swap the fault behaviour of the API while a relay runs. */
let intercept: Intercept | undefined
let h: OutboxHarness
const relays: UsageOutboxRelay[] = []

beforeEach(async () => {
  intercept = undefined
  h = await startOutboxHarness((request, next) =>
    intercept && isBulk(request) ? intercept(request, next) : next(request),
  )
}, 60_000)
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop({ timeoutMs: 100 })))
  await h.close()
})

function start(options: Partial<Parameters<OutboxHarness['outbox']['startRelay']>[0]> = {}) {
  const relay = h.outbox.startRelay({ client: h.admin, pollIntervalMs: 20, ...options })
  relays.push(relay)
  return relay
}

async function trackCommitted(
  count: number,
  prefix: string,
  perTransaction = 10,
): Promise<string[]> {
  const ids: string[] = []
  for (let offset = 0; offset < count; offset += perTransaction) {
    const size = Math.min(perTransaction, count - offset)
    const batch = Array.from({ length: size }, (_, index) => ({
      subscriptionId: h.subscriptionId,
      usageMeterSlug: 'api_calls',
      transactionId: `${prefix}_${offset + index}`,
    }))
    ids.push(...(await inTransaction(h.pool, (client) => h.outbox.trackMany(client, batch))))
  }
  return ids
}

function expectExactlyOnce(ids: readonly string[]) {
  const counts = storedCounts(h.api)
  const wrong = ids.filter((id) => counts.get(id) !== 1)
  expect(wrong, `not stored exactly once: ${wrong.slice(0, 5).join(', ')}`).toEqual([])
  expect(counts.size).toBe(ids.length)
}

describe('relay delivery', () => {
  it('delivers committed events exactly once and never a rolled-back one', async () => {
    const ids = await trackCommitted(120, 'ok')
    await inTransaction(h.pool, async (client) => {
      await h.outbox.track(client, {
        subscriptionId: h.subscriptionId,
        usageMeterSlug: 'api_calls',
        transactionId: 'never',
      })
      await client.query('SELECT 1')
      throw new Error('rolled back')
    }).catch(() => undefined)
    const relay = start({ maxBatchSize: 50 })
    await waitUntilSettled(h.outbox)
    expectExactlyOnce(ids)
    expect(storedCounts(h.api).has('never')).toBe(false)
    const stats = await relay.stats()
    expect(stats).toMatchObject({ pending: 0, inFlight: 0, delivered: 120, failed: 0 })
    expect(stats.relay).toMatchObject({ delivered: 120, created: 120, duplicates: 0, failed: 0 })
    expect(
      (await rowsByStatus(h.pool, h.outbox.table)).every((row) => row.status === 'delivered'),
    ).toBe(true)
  }, 60_000)

  it('stats() reports pending rows and the age of the oldest one before any relay runs', async () => {
    await trackCommitted(3, 'waiting')
    await new Promise((resolve) => setTimeout(resolve, 30))
    const stats = await h.outbox.stats()
    expect(stats).toMatchObject({ pending: 3, inFlight: 0, delivered: 0, failed: 0 })
    expect(stats.oldestPendingAgeMs).toBeGreaterThan(0)
  })

  it('keepDelivered: false deletes rows once acknowledged', async () => {
    const ids = await trackCommitted(20, 'deleted')
    start({ keepDelivered: false })
    await waitUntilSettled(h.outbox)
    expectExactlyOnce(ids)
    expect(await rowsByStatus(h.pool, h.outbox.table)).toEqual([])
  }, 60_000)

  it('several relays share the work with no event sent twice', async () => {
    const ids = await trackCommitted(900, 'shared', 100)
    const started = [1, 2, 3].map(() => start({ maxBatchSize: 40, maxConcurrentRequests: 2 }))
    await waitUntilSettled(h.outbox)
    expectExactlyOnce(ids)
    const counts = await Promise.all(started.map(async (relay) => (await relay.stats()).relay))
    // SKIP LOCKED claims are disjoint: the API saw every event once, none as a duplicate.
    expect(counts.reduce((sum, c) => sum + c.created, 0)).toBe(900)
    expect(counts.reduce((sum, c) => sum + c.duplicates, 0)).toBe(0)
    expect(counts.filter((c) => c.created > 0).length).toBeGreaterThan(1)
  }, 60_000)

  it("a crashed relay's claim is taken over after its lease; the API's idempotency absorbs the redelivery", async () => {
    const ids = await trackCommitted(30, 'crash')
    // The first relay's request reaches the API, which stores the batch; the answer never comes back.
    let stored = 0
    intercept = async (request, next) => {
      await next(request)
      stored += 1
      return new Promise<Response>(() => {})
    }
    // One loop, so the crashed relay cannot take its own expired rows back.
    const crashed = start({ leaseMs: 400, maxConcurrentRequests: 1 })
    while (stored === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    expect((await h.outbox.stats()).inFlight).toBe(30)
    intercept = undefined
    const survivor = start({ leaseMs: 5_000 })
    await waitUntilSettled(h.outbox)
    expectExactlyOnce(ids)
    expect((await survivor.stats()).relay).toMatchObject({
      delivered: 30,
      duplicates: 30,
      created: 0,
    })
    expect((await crashed.stats()).relay.delivered).toBe(0)
  }, 60_000)

  it('stop() hands rows back at once when its request does not finish in time', async () => {
    await trackCommitted(5, 'stopping')
    let sent = 0
    intercept = (request) => {
      sent += 1
      return new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      )
    }
    const relay = start({ leaseMs: 60_000 })
    while (sent === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    await relay.stop({ timeoutMs: 50 })
    const rows = await rowsByStatus(h.pool, h.outbox.table)
    expect(rows.map((row) => [row.status, row.lease_owner, row.claimable])).toEqual(
      rows.map(() => ['pending', null, true]),
    )
  }, 60_000)
})

describe('failures', () => {
  it('a permanent rejection is recorded on the row with its reason, reported, and not retried', async () => {
    const good = await trackCommitted(6, 'good')
    await inTransaction(h.pool, (client) =>
      h.outbox.track(client, {
        subscriptionId: h.subscriptionId,
        usageMeterSlug: 'no_such_meter',
        transactionId: 'rejected_1',
      }),
    )
    const reported: UsageFailure[] = []
    let bulkRequests = 0
    intercept = (request, next) => {
      bulkRequests += 1
      return next(request)
    }
    const relay = start({ onError: (failures) => reported.push(...failures) })
    await waitUntilSettled(h.outbox)
    expectExactlyOnce(good)
    const row = (await rowsByStatus(h.pool, h.outbox.table)).find(
      (r) => r.transaction_id === 'rejected_1',
    )
    expect(row).toMatchObject({ status: 'failed', attempts: 1, error_code: 'not_found' })
    expect(row?.error_message).toMatch(/no_such_meter/)
    expect(reported.map((f) => [f.transactionId, f.error.code])).toEqual([
      ['rejected_1', 'not_found'],
    ])
    const requestsWhenSettled = bulkRequests
    await relay.idle()
    await relay.idle()
    expect(bulkRequests).toBe(requestsWhenSettled)
    expect(await h.outbox.stats()).toMatchObject({ failed: 1, delivered: 6, pending: 0 })
  }, 60_000)

  it('transient failures back off (row handed back with a later available_at and the error) then deliver once', async () => {
    const ids = await trackCommitted(8, 'flaky')
    let failuresLeft = 2
    let observedBackoff: Awaited<ReturnType<typeof rowsByStatus>> | undefined
    intercept = async (request, next) => {
      if (failuresLeft === 0) return next(request)
      failuresLeft -= 1
      return Response.json({ error: 'down', code: 'SERVICE_UNAVAILABLE' }, { status: 503 })
    }
    const relay = start({ maxBatchSize: 8 })
    while (failuresLeft === 2) await new Promise((resolve) => setTimeout(resolve, 5))
    // Right after the first failure the rows wait out their backoff, not claimable, error kept.
    for (let tries = 0; tries < 200 && !observedBackoff; tries++) {
      const rows = await rowsByStatus(h.pool, h.outbox.table)
      if (rows.every((row) => row.lease_owner === null)) observedBackoff = rows
      else await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(observedBackoff?.map((row) => [row.status, row.claimable, row.error_code])).toEqual(
      ids.map(() => ['pending', false, 'upstream_unavailable']),
    )
    await waitUntilSettled(h.outbox)
    expectExactlyOnce(ids)
    const rows = await rowsByStatus(h.pool, h.outbox.table)
    expect(rows.map((row) => [row.status, row.attempts, row.error_code])).toEqual(
      ids.map(() => ['delivered', 3, null]),
    )
    expect((await relay.stats()).relay).toMatchObject({ retried: 16, delivered: 8 })
  }, 60_000)

  it('maxRetries bounds transient failures: the row is then failed with the last error', async () => {
    await trackCommitted(2, 'hopeless')
    intercept = async () =>
      Response.json({ error: 'down', code: 'SERVICE_UNAVAILABLE' }, { status: 503 })
    start({ maxRetries: 1 })
    await waitUntilSettled(h.outbox)
    const rows = await rowsByStatus(h.pool, h.outbox.table)
    expect(rows.map((row) => [row.status, row.attempts, row.error_code])).toEqual([
      ['failed', 2, 'upstream_unavailable'],
      ['failed', 2, 'upstream_unavailable'],
    ])
  }, 60_000)

  it("with a FlowgladServer, another customer's subscription is refused (forbidden) and never sent", async () => {
    const other = await h.admin.createCustomer({
      customer: { externalId: 'someone_else', name: 'Eve', email: 'eve@example.com' },
    })
    const ownIds = await trackCommitted(3, 'own')
    await inTransaction(h.pool, (client) =>
      h.outbox.track(client, {
        subscriptionId: other.data.subscription?.id as string,
        usageMeterSlug: 'api_calls',
        transactionId: 'foreign_1',
      }),
    )
    const server = new FlowgladServer({
      ...h.api.clientOptions,
      customerExternalId: 'outbox_user',
      getCustomerDetails: async () => ({ name: 'Ada', email: 'ada@example.com' }),
    })
    start({ client: server })
    await waitUntilSettled(h.outbox)
    expectExactlyOnce(ownIds)
    const row = (await rowsByStatus(h.pool, h.outbox.table)).find(
      (r) => r.transaction_id === 'foreign_1',
    )
    expect(row).toMatchObject({ status: 'failed', error_code: 'forbidden' })
  }, 60_000)

  it('a database outage does not crash the relay; it reports the error and carries on', async () => {
    const ids = await trackCommitted(4, 'db')
    const errors: unknown[] = []
    const broken = new FlowgladServerAdmin({ ...h.api.clientOptions, maxRetries: 0 })
    await h.pool.query(`ALTER TABLE ${h.outbox.table} RENAME TO outbox_away`)
    const relay = start({ client: broken, onDatabaseError: (error) => errors.push(error) })
    while (errors.length === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    await h.pool.query(`ALTER TABLE outbox_away RENAME TO ${h.outbox.table.replaceAll('"', '')}`)
    await waitUntilSettled(h.outbox)
    expectExactlyOnce(ids)
    expect((await relay.stats()).relay.databaseErrors).toBeGreaterThan(0)
  }, 60_000)
})
