import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type OutboxHarness,
  rowsByStatus,
  startOutboxHarness,
  storedCounts,
  waitUntilSettled,
} from '../../test/postgres/outbox-harness.js'
import { createUsageOutbox } from './index.js'
import type { UsageOutbox } from './types.js'

// The same outbox table, driven through postgres.js instead of node-postgres.
let h: OutboxHarness
let sql: postgres.Sql
let outbox: UsageOutbox
beforeAll(async () => {
  h = await startOutboxHarness()
  sql = postgres(h.database.connectionString, { max: 4, onnotice: () => undefined })
  outbox = createUsageOutbox({ pool: sql })
  await outbox.migrate()
}, 60_000)
afterAll(async () => {
  await sql?.end()
  await h?.close()
})

const event = (transactionId: string) => ({
  subscriptionId: h.subscriptionId,
  usageMeterSlug: 'api_calls',
  transactionId,
})

describe('the outbox on a postgres.js client', () => {
  it('tracks inside sql.begin, keeps nothing of a rolled-back one, and a relay delivers exactly once', async () => {
    await sql.begin(async (tx) => {
      await outbox.track(tx, event('pgjs_1'))
      await outbox.trackMany(tx, [event('pgjs_2'), event('pgjs_3')])
    })
    await expect(
      sql.begin(async (tx) => {
        await outbox.track(tx, event('pgjs_rolled_back'))
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')

    const rows = await rowsByStatus(h.pool, h.outbox.table)
    expect(rows.map((row) => row.transaction_id)).toEqual(['pgjs_1', 'pgjs_2', 'pgjs_3'])
    const { rows: stored } = await h.pool.query(
      `SELECT jsonb_typeof(event) AS kind, event->>'usageMeterSlug' AS meter FROM ${h.outbox.table} LIMIT 1`,
    )
    expect(stored).toEqual([{ kind: 'object', meter: 'api_calls' }])
    expect(await outbox.stats()).toMatchObject({ pending: 3, inFlight: 0, delivered: 0 })

    const relay = outbox.startRelay({ client: h.admin, pollIntervalMs: 20 })
    await waitUntilSettled(outbox)
    const counts = storedCounts(h.api)
    expect(['pgjs_1', 'pgjs_2', 'pgjs_3'].map((id) => counts.get(id))).toEqual([1, 1, 1])
    expect(counts.has('pgjs_rolled_back')).toBe(false)
    const stats = await relay.stop()
    expect(stats).toMatchObject({ pending: 0, inFlight: 0, delivered: 3, failed: 0 })
    expect(stats.relay).toMatchObject({ created: 3 })
  }, 60_000)

  it('records a permanent rejection on the row through postgres.js too', async () => {
    await sql.begin((tx) =>
      outbox.track(tx, {
        subscriptionId: h.subscriptionId,
        usageMeterSlug: 'nope',
        transactionId: 'pgjs_bad',
      }),
    )
    // The batcher's option name works too (0 is raised to the 10 ms floor).
    const relay = outbox.startRelay({ client: h.admin, flushIntervalMs: 0 })
    await waitUntilSettled(outbox)
    await relay.stop()
    const row = (await rowsByStatus(h.pool, h.outbox.table)).find(
      (r) => r.transaction_id === 'pgjs_bad',
    )
    expect(row).toMatchObject({ status: 'failed', error_code: 'not_found' })
  }, 60_000)
})
