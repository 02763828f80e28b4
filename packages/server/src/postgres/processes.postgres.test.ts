// Real processes, real PostgreSQL, the emulator over loopback HTTP: what an app and its relay
// workers look like in production. The children load the built dist (build the server first).
import { existsSync } from 'node:fs'
import { type RunningEmulator, startEmulator } from '@flowglad/emulator/node'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningChild, startChild } from '../../test/postgres/child-process.js'
import { createTestDatabase, type TestDatabase } from '../../test/postgres/database.js'
import { FlowgladServerAdmin } from '../admin/flowglad-server-admin.js'
import { createUsageOutbox } from './index.js'

const distEntry = new URL('../../dist/postgres/index.js', import.meta.url)
const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Creates the customer; with random faults on, a faulted attempt stored nothing, so retry. */
async function subscriptionOn(api: RunningEmulator): Promise<string> {
  const admin = new FlowgladServerAdmin({
    apiKey: 'sk_test_outbox',
    baseURL: api.url,
    maxRetries: 0,
  })
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const { data } = await admin.createCustomer({
        customer: { externalId: 'processes', name: 'Ada', email: 'ada@example.com' },
      })
      return data.subscription?.id as string
    } catch {
      // An injected fault: the request was not processed.
    }
  }
  throw new Error('could not create the customer')
}

async function setUp(faultRate = 0) {
  const database: TestDatabase = await createTestDatabase('processes')
  cleanups.push(() => database.drop())
  const api = await startEmulator({ port: 0, host: '127.0.0.1', faultRate, faultSeed: 20 })
  cleanups.push(() => api.close())
  const subscriptionId = await subscriptionOn(api)
  const outbox = createUsageOutbox({ pool: database.pool })
  await outbox.migrate()
  const env = {
    DATABASE_URL: database.connectionString,
    API_URL: api.url,
    SUBSCRIPTION_ID: subscriptionId,
  }
  return { database, api, outbox, env }
}

function launch(script: string, env: Record<string, string>): RunningChild {
  const running = startChild(script, env)
  cleanups.push(async () => {
    if (running.child.exitCode === null && running.child.signalCode === null)
      running.child.kill('SIGKILL')
    await running.exited
  })
  return running
}

async function settle(outbox: ReturnType<typeof createUsageOutbox>, limitMs: number) {
  const deadline = Date.now() + limitMs
  for (;;) {
    const stats = await outbox.stats()
    if (stats.pending === 0 && stats.inFlight === 0) return stats
    if (Date.now() > deadline) throw new Error(`outbox not drained: ${JSON.stringify(stats)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function storedPerTransaction(api: RunningEmulator): Map<string, number> {
  const counts = new Map<string, number>()
  for (const event of api.emulator.state.tables.usageEvents.values()) {
    counts.set(event.transactionId, (counts.get(event.transactionId) ?? 0) + 1)
  }
  return counts
}

describe('the outbox across processes', () => {
  it('dist is built', () => {
    expect(existsSync(distEntry), 'build @flowglad/server first').toBe(true)
  })

  it('SIGKILL of a producing app mid-stream, then a restart: 0 committed events lost, 0 duplicates', async () => {
    const { database, api, outbox, env } = await setUp()
    await database.pool.query(
      'CREATE TABLE orders (id serial PRIMARY KEY, transaction_id text NOT NULL)',
    )
    const app = launch('producer-child.mjs', { ...env, RELAY: '1', PRODUCE: '1' })
    const committed = (line: string) => line.startsWith('committed ')
    await app.waitFor(committed, 250)
    // Kill it while some usage is delivered and some committed usage still waits in the outbox.
    for (;;) {
      const stats = await outbox.stats()
      if (stats.delivered > 0 && stats.pending > 0) break
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    app.child.kill('SIGKILL')
    await app.exited
    const printed = app.lines.filter(committed).map((line) => line.slice('committed '.length))
    const beforeRestart = await outbox.stats()
    expect(beforeRestart.pending + beforeRestart.inFlight).toBeGreaterThan(0)

    const restarted = launch('producer-child.mjs', { ...env, RELAY: '1' })
    await restarted.waitFor((line) => line === 'ready')
    await settle(outbox, 60_000)

    const { rows } = await database.pool.query('SELECT transaction_id FROM orders')
    const orders = rows.map((row) => row.transaction_id as string)
    // Every order the app printed committed; a few more may have committed before it could print.
    expect(orders.length).toBeGreaterThanOrEqual(printed.length)
    expect(new Set(orders)).toEqual(new Set([...orders, ...printed]))
    const stored = storedPerTransaction(api)
    expect(orders.filter((id) => stored.get(id) !== 1)).toEqual([])
    expect(stored.size).toBe(orders.length)
    expect(await outbox.stats()).toMatchObject({ delivered: orders.length, failed: 0 })
  }, 120_000)

  it('3 relay processes, 20% API faults (half of them answers lost after storing): each transactionId stored exactly once', async () => {
    const { api, outbox, database, env } = await setUp(0.1)
    const total = 6_000
    const client = await database.pool.connect()
    try {
      for (let offset = 0; offset < total; offset += 500) {
        await client.query('BEGIN')
        await outbox.trackMany(
          client,
          Array.from({ length: 500 }, (_, index) => ({
            subscriptionId: env.SUBSCRIPTION_ID,
            usageMeterSlug: 'api_calls',
            transactionId: `fault_${offset + index}`,
          })),
        )
        await client.query('COMMIT')
      }
    } finally {
      client.release()
    }
    const relays = [1, 2, 3].map((seed) =>
      launch('relay-child.mjs', { ...env, LOST_RESPONSE_RATE: '0.1', SEED: String(seed) }),
    )
    await Promise.all(relays.map((relay) => relay.waitFor((line) => line === 'ready')))
    await settle(outbox, 240_000)
    for (const relay of relays) relay.child.kill('SIGTERM')
    await Promise.all(relays.map((relay) => relay.exited))
    const counts = relays.map((relay) => JSON.parse(relay.lines.at(-1) ?? '{}'))

    const stored = storedPerTransaction(api)
    const wrong = Array.from({ length: total }, (_, i) => `fault_${i}`).filter(
      (id) => stored.get(id) !== 1,
    )
    expect(wrong).toEqual([])
    expect(stored.size).toBe(total)
    expect(await outbox.stats()).toMatchObject({ delivered: total, failed: 0 })
    // The faults really happened, and the redeliveries they caused were absorbed as duplicates.
    const sum = (key: string) => counts.reduce((acc, c) => acc + (c[key] ?? 0), 0)
    expect(sum('lostResponses')).toBeGreaterThan(0)
    expect(sum('retried')).toBeGreaterThan(0)
    expect(sum('duplicates')).toBeGreaterThan(0)
    // Answers lost after storing come back as duplicates on redelivery, never as second rows.
    expect(sum('created')).toBeLessThanOrEqual(total)
    expect(sum('delivered')).toBeGreaterThanOrEqual(total)
    expect(counts.filter((c) => c.created > 0).length).toBeGreaterThan(1)
  }, 300_000)
})
