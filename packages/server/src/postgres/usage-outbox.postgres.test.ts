import { isFlowgladError } from '@flowglad/shared'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tolerateIdleDisconnects } from '../../test/postgres/cluster.mjs'
import { createTestDatabase } from '../../test/postgres/database.js'
import {
  inTransaction,
  type OutboxHarness,
  rowsByStatus,
  startOutboxHarness,
} from '../../test/postgres/outbox-harness.js'
import { createUsageOutbox } from './index.js'

let h: OutboxHarness
beforeAll(async () => {
  h = await startOutboxHarness()
}, 60_000)
afterAll(() => h?.close())

const event = (overrides: Record<string, unknown> = {}) => ({
  subscriptionId: h.subscriptionId,
  usageMeterSlug: 'ai_tokens',
  amount: 5,
  ...overrides,
})

async function storedTransactionIds(): Promise<string[]> {
  return (await rowsByStatus(h.pool, h.outbox.table)).map((row) => row.transaction_id)
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!isFlowgladError(error)) throw new Error(`expected a FlowgladError, got ${String(error)}`)
  return error
}

describe('migrate', () => {
  it('is idempotent and safe from many instances at once', async () => {
    const database = await createTestDatabase('migrate')
    // One pool per "instance", connected beforehand, so the migrations really run at once.
    // Dropping the database (WITH FORCE) may end a connection a pool is still closing.
    const pools = Array.from({ length: 8 }, () =>
      tolerateIdleDisconnects(new pg.Pool({ connectionString: database.connectionString, max: 1 })),
    )
    try {
      await Promise.all(pools.map((pool) => pool.query('SELECT 1')))
      await database.pool.query('CREATE SCHEMA app')
      const outboxes = pools.map((pool) => createUsageOutbox({ pool, table: 'app.usage_outbox' }))
      await Promise.all(outboxes.map((outbox) => outbox.migrate()))
      await outboxes[0]?.migrate()
      const { rows } = await database.pool.query(
        `SELECT indexname FROM pg_indexes WHERE schemaname = 'app' AND tablename = 'usage_outbox' ORDER BY indexname`,
      )
      expect(rows.map((row) => row.indexname)).toEqual([
        'usage_outbox_claimable',
        'usage_outbox_idempotency',
        'usage_outbox_pkey',
      ])
      expect(await outboxes[1]?.stats()).toEqual({
        pending: 0,
        inFlight: 0,
        delivered: 0,
        failed: 0,
        oldestPendingAgeMs: 0,
      })
    } finally {
      await Promise.all(pools.map((pool) => pool.end()))
      await database.drop()
    }
  }, 60_000)
})

describe('track inside the app transaction', () => {
  it('a committed transaction keeps the event, with the transactionId fixed at insert', async () => {
    const id = await inTransaction(h.pool, (client) => h.outbox.track(client, event()))
    expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/)
    const { rows } = await h.pool.query(
      `SELECT event FROM ${h.outbox.table} WHERE transaction_id = $1`,
      [id],
    )
    expect(rows).toEqual([
      {
        event: {
          subscriptionId: h.subscriptionId,
          usageMeterSlug: 'ai_tokens',
          amount: 5,
          transactionId: id,
        },
      },
    ])
  })

  it('a rolled-back transaction leaves no trace: the event never existed', async () => {
    let tracked = ''
    await expect(
      inTransaction(h.pool, async (client) => {
        await client.query('CREATE TEMP TABLE orders (id int) ON COMMIT DROP')
        tracked = await h.outbox.track(client, event({ transactionId: 'rolled_back_1' }))
        throw new Error('payment declined')
      }),
    ).rejects.toThrow('payment declined')
    expect(tracked).toBe('rolled_back_1')
    expect(await storedTransactionIds()).not.toContain('rolled_back_1')
  })

  it('rejects an invalid event with validation_error before touching the transaction', async () => {
    const after = await inTransaction(h.pool, async (client) => {
      const error = await rejection(h.outbox.track(client, event({ amount: -1 })))
      expect(error.code).toBe('validation_error')
      const strict = await rejection(h.outbox.track(client, event({ surprise: true })))
      expect(strict.code).toBe('validation_error')
      // The transaction is still usable: nothing was sent to the database.
      return h.outbox.track(client, event({ transactionId: 'after_invalid' }))
    })
    expect(await storedTransactionIds()).toContain(after)
  })

  it('trackMany inserts all in one statement, or nothing when one is invalid (index named)', async () => {
    const ids = await inTransaction(h.pool, (client) =>
      h.outbox.trackMany(client, [
        event(),
        event({ amount: 2 }),
        event({ transactionId: 'many_3' }),
      ]),
    )
    expect(ids).toHaveLength(3)
    expect(ids[2]).toBe('many_3')
    const stored = await storedTransactionIds()
    for (const id of ids) expect(stored).toContain(id)

    const error = await rejection(
      h.outbox.trackMany(h.pool, [event({ transactionId: 'bad_batch_1' }), event({ amount: 0 })]),
    )
    expect(error.code).toBe('validation_error')
    expect(error.message).toContain('(index 1)')
    expect(await storedTransactionIds()).not.toContain('bad_batch_1')
    expect(await h.outbox.trackMany(h.pool, [])).toEqual([])
  })

  it('tracking the same transactionId and meter twice keeps one row and does not abort the transaction', async () => {
    await inTransaction(h.pool, async (client) => {
      await h.outbox.track(client, event({ transactionId: 'twice' }))
      await h.outbox.track(client, event({ transactionId: 'twice', amount: 9 }))
      await h.outbox.track(client, event({ transactionId: 'twice', usageMeterSlug: 'api_calls' }))
    })
    const rows = (await rowsByStatus(h.pool, h.outbox.table)).filter(
      (r) => r.transaction_id === 'twice',
    )
    expect(rows).toHaveLength(2)
  })

  it('an ORM executor (text, values) => Promise works like a client (Prisma $executeRawUnsafe shape)', async () => {
    const id = await inTransaction(h.pool, (client) =>
      h.outbox.track((text, values) => client.query(text, values), event()),
    )
    expect(await storedTransactionIds()).toContain(id)
  })

  it('insertStatement numbers its placeholders once each, in order (for raw-SQL builders)', () => {
    const statement = h.outbox.insertStatement([event({ transactionId: 'stmt_1' })])
    expect(statement.text.match(/\$\d+/g)).toEqual(['$1', '$2', '$3'])
    expect(statement.values).toHaveLength(3)
    expect(statement.transactionIds).toEqual(['stmt_1'])
  })
})

describe('bad configuration is a typed validation_error', () => {
  it.each([
    ['no options', () => createUsageOutbox(undefined as never)],
    ['no pool', () => createUsageOutbox({} as never)],
    [
      'a pool without connect',
      () => createUsageOutbox({ pool: { query: async () => ({ rows: [] }) } } as never),
    ],
    ['an unsafe table name', () => createUsageOutbox({ pool: h.pool, table: 'x; DROP TABLE y' })],
    ['a quoted table name', () => createUsageOutbox({ pool: h.pool, table: '"Outbox"' })],
    ['a relay without client', () => h.outbox.startRelay({} as never)],
    ['a relay with a bad lease', () => h.outbox.startRelay({ client: h.admin, leaseMs: 5 })],
    [
      'a relay with a bad batch size',
      () => h.outbox.startRelay({ client: h.admin, maxBatchSize: 0 }),
    ],
    [
      'a relay with a negative poll interval',
      () => h.outbox.startRelay({ client: h.admin, pollIntervalMs: -1 }),
    ],
  ])('%s', (_name, make) => {
    let caught: unknown
    try {
      make()
    } catch (error) {
      caught = error
    }
    expect(isFlowgladError(caught) && caught.code).toBe('validation_error')
  })

  it('track without a transaction handle', async () => {
    const error = await rejection(h.outbox.track({} as never, event()))
    expect(error.code).toBe('validation_error')
  })
})
