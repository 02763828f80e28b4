// Shared set-up of the outbox tests: a database of their own, the outbox migrated in it, and an
// in-process emulator with one customer on the free plan.
import type pg from 'pg'
import { FlowgladServerAdmin } from '../../src/admin/flowglad-server-admin.js'
import { createUsageOutbox } from '../../src/postgres/index.js'
import type { UsageOutbox } from '../../src/postgres/types.js'
import { type EmulatorHarness, startEmulator, storedUsageEvents } from '../emulator.js'
import { createTestDatabase, type TestDatabase } from './database.js'

export interface OutboxHarness {
  database: TestDatabase
  pool: pg.Pool
  outbox: UsageOutbox
  api: EmulatorHarness
  admin: FlowgladServerAdmin
  subscriptionId: string
  close(): Promise<void>
}

type Next = (request: Request) => Promise<Response>

export async function startOutboxHarness(
  intercept?: (request: Request, next: Next) => Promise<Response>,
): Promise<OutboxHarness> {
  const database = await createTestDatabase()
  const outbox = createUsageOutbox({ pool: database.pool })
  await outbox.migrate()
  const api = startEmulator(intercept)
  const admin = new FlowgladServerAdmin({ ...api.clientOptions, maxRetries: 0 })
  const created = await admin.createCustomer({
    customer: { externalId: 'outbox_user', name: 'Ada', email: 'ada@example.com' },
  })
  const subscriptionId = created.data.subscription?.id as string
  return {
    database,
    pool: database.pool,
    outbox,
    api,
    admin,
    subscriptionId,
    close: () => database.drop(),
  }
}

/** Runs `work` in BEGIN … COMMIT on one pooled connection (ROLLBACK if it throws). */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}

/** How many stored usage events the emulator holds per transactionId. */
export function storedCounts(api: EmulatorHarness): Map<string, number> {
  const counts = new Map<string, number>()
  for (const event of storedUsageEvents(api.emulator)) {
    counts.set(event.transactionId, (counts.get(event.transactionId) ?? 0) + 1)
  }
  return counts
}

export async function rowsByStatus(pool: pg.Pool, table: string) {
  const { rows } = await pool.query(
    `SELECT transaction_id, status, attempts, error_code, error_message, lease_owner, available_at <= clock_timestamp() AS claimable FROM ${table} ORDER BY id`,
  )
  return rows as {
    transaction_id: string
    status: string
    attempts: number
    error_code: string | null
    error_message: string | null
    lease_owner: string | null
    claimable: boolean
  }[]
}

/** Polls until no row is pending or in flight (bounded: throws after `limitMs`). */
export async function waitUntilSettled(outbox: UsageOutbox, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs
  for (;;) {
    const stats = await outbox.stats()
    if (stats.pending === 0 && stats.inFlight === 0) return
    if (Date.now() > deadline) throw new Error(`outbox not settled: ${JSON.stringify(stats)}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
