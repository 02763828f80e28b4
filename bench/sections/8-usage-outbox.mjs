// 8. The durable usage outbox (@flowglad/server/postgres) on a real, throwaway PostgreSQL and
// the emulator over loopback: the latency `track` adds inside an app transaction, events/s end
// to end beside the in-memory batcher, 3 relay processes under 20% API faults (half of them
// answers lost after storing), and a SIGKILLed producing app. Ours only: upstream has neither.
import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { startEmulator } from '@flowglad/emulator/node'
import pg from 'pg'
import {
  startPostgresCluster,
  tolerateIdleDisconnects,
} from '../../packages/server/test/postgres/cluster.mjs'
import { API_KEY } from '../fixtures.mjs'
import { median, sleep } from '../stats.mjs'

export const title = 'Usage outbox on PostgreSQL (track latency, end to end, faults, SIGKILL)'

const childDir = new URL('../../packages/server/test/postgres/', import.meta.url)
let databases = 0

async function newDatabase(cluster) {
  databases += 1
  const name = `bench_outbox_${databases}`
  const admin = new pg.Client({ connectionString: cluster.connectionString })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(cluster.connectionString)
  url.pathname = `/${name}`
  return {
    connectionString: url.toString(),
    pool: tolerateIdleDisconnects(new pg.Pool({ connectionString: url.toString(), max: 8 })),
  }
}

async function customerOn(admin) {
  // With random faults on, a faulted request stored nothing: try again.
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const created = await admin.createCustomer({
        customer: { externalId: 'outbox-bench', name: 'Bench', email: 'bench@example.com' },
      })
      return created.data.subscription.id
    } catch {}
  }
  throw new Error('could not create the bench customer')
}

/** One database, a migrated outbox, a loopback emulator and a customer; closed after `fn`. */
async function withSetUp(cluster, { faultRate = 0 } = {}, fn) {
  const { FlowgladServerAdmin } = await import('@flowglad/server')
  const { createUsageOutbox } = await import('@flowglad/server/postgres')
  const { connectionString, pool } = await newDatabase(cluster)
  const api = await startEmulator({ port: 0, host: '127.0.0.1', faultRate, faultSeed: 7 })
  try {
    const admin = new FlowgladServerAdmin({ apiKey: API_KEY, baseURL: api.url, maxRetries: 0 })
    const subscriptionId = await customerOn(admin)
    const outbox = createUsageOutbox({ pool })
    await outbox.migrate()
    await pool.query('CREATE TABLE orders (id serial PRIMARY KEY, transaction_id text NOT NULL)')
    return await fn({ pool, outbox, api, admin, subscriptionId, connectionString })
  } finally {
    await api.close()
    await pool.end()
  }
}

const usage = (subscriptionId, transactionId) => ({
  subscriptionId,
  usageMeterSlug: 'api_calls',
  amount: 1,
  ...(transactionId ? { transactionId } : {}),
})

function percentile(values, share) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]
}

async function settled(outbox, limitMs) {
  const deadline = Date.now() + limitMs
  for (;;) {
    const stats = await outbox.stats()
    if (stats.pending === 0 && stats.inFlight === 0) return stats
    if (Date.now() > deadline) throw new Error(`outbox not drained: ${JSON.stringify(stats)}`)
    await sleep(20)
  }
}

function storedCounts(api) {
  const counts = new Map()
  for (const event of api.emulator.state.tables.usageEvents.values()) {
    counts.set(event.transactionId, (counts.get(event.transactionId) ?? 0) + 1)
  }
  return counts
}

/** Commits `count` events, `perTransaction` per app transaction, with ids `<prefix>_<n>`. */
async function commitEvents({ pool, outbox, subscriptionId }, count, perTransaction, prefix) {
  const client = await pool.connect()
  try {
    for (let offset = 0; offset < count; offset += perTransaction) {
      const size = Math.min(perTransaction, count - offset)
      await client.query('BEGIN')
      await outbox.trackMany(
        client,
        Array.from({ length: size }, (_, i) => usage(subscriptionId, `${prefix}_${offset + i}`)),
      )
      await client.query('COMMIT')
    }
  } finally {
    client.release()
  }
}

/** Business insert + `track` + COMMIT per transaction; times the `track` call alone. */
async function trackLatency(cluster, samples) {
  return withSetUp(cluster, {}, async ({ pool, outbox, subscriptionId }) => {
    const latencies = []
    const client = await pool.connect()
    try {
      for (let index = 0; index < samples + 20; index++) {
        await client.query('BEGIN')
        await client.query('INSERT INTO orders (transaction_id) VALUES ($1)', [`order_${index}`])
        const start = performance.now()
        await outbox.track(client, usage(subscriptionId))
        const ms = performance.now() - start
        await client.query('COMMIT')
        if (index >= 20) latencies.push(ms) // the first few warm up the connection and JIT
      }
    } finally {
      client.release()
    }
    return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) }
  })
}

/** Apps commit `count` events (100 per transaction) while one relay delivers them; events/s to stored. */
async function endToEnd(cluster, count) {
  return withSetUp(cluster, {}, async ({ pool, outbox, admin, subscriptionId, api }) => {
    const relay = outbox.startRelay({ client: admin, pollIntervalMs: 10 })
    const start = performance.now()
    await commitEvents({ pool, outbox, subscriptionId }, count, 100, 'e2e')
    await settled(outbox, 600_000)
    const seconds = (performance.now() - start) / 1000
    await relay.stop()
    if (storedCounts(api).size !== count) throw new Error('end to end: not every event was stored')
    return count / seconds
  })
}

async function batcherRate(cluster, count) {
  const { createUsageBatcher } = await import('@flowglad/server')
  return withSetUp(cluster, {}, async ({ admin, subscriptionId }) => {
    const batcher = createUsageBatcher({ client: admin, maxQueueSize: count })
    const start = performance.now()
    for (let index = 0; index < count; index++) batcher.track(usage(subscriptionId))
    await batcher.flush()
    const seconds = (performance.now() - start) / 1000
    await batcher.shutdown()
    return count / seconds
  })
}

function child(script, env) {
  const process_ = spawn(process.execPath, [new URL(script, childDir).pathname], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = []
  let partial = ''
  process_.stdout.setEncoding('utf8').on('data', (chunk) => {
    const parts = (partial + chunk).split('\n')
    partial = parts.pop() ?? ''
    lines.push(...parts)
  })
  const exited = new Promise((resolve) => process_.once('exit', resolve))
  return { process: process_, lines, exited }
}

async function waitForLines(running, predicate, count) {
  while (running.lines.filter(predicate).length < count) {
    if (running.process.exitCode !== null) throw new Error('child exited early')
    await sleep(10)
  }
}

/** 3 relay processes drain `count` committed events through 10% emulator faults + 10% lost answers. */
async function faultyRelays(cluster, count) {
  return withSetUp(
    cluster,
    { faultRate: 0.1 },
    async ({ pool, outbox, api, subscriptionId, connectionString }) => {
      await commitEvents({ pool, outbox, subscriptionId }, count, 1000, 'fault')
      const env = { DATABASE_URL: connectionString, API_URL: api.url, LOST_RESPONSE_RATE: '0.1' }
      const start = performance.now()
      const relays = [1, 2, 3].map((seed) =>
        child('relay-child.mjs', { ...env, SEED: String(seed) }),
      )
      await settled(outbox, 1_800_000)
      const seconds = (performance.now() - start) / 1000
      for (const relay of relays) relay.process.kill('SIGTERM')
      await Promise.all(relays.map((relay) => relay.exited))
      const counts = storedCounts(api)
      let missing = 0
      let duplicated = 0
      for (let index = 0; index < count; index++) {
        const stored = counts.get(`fault_${index}`) ?? 0
        if (stored === 0) missing += 1
        if (stored > 1) duplicated += 1
      }
      return { eventsPerSecond: count / seconds, missing, duplicated }
    },
  )
}

/** An app committing orders + usage is SIGKILLed mid-stream, then restarted: lost and duplicated. */
async function killedProducer(cluster, commitsBeforeKill) {
  return withSetUp(cluster, {}, async ({ pool, outbox, api, subscriptionId, connectionString }) => {
    const env = {
      DATABASE_URL: connectionString,
      API_URL: api.url,
      SUBSCRIPTION_ID: subscriptionId,
    }
    const app = child('producer-child.mjs', { ...env, RELAY: '1', PRODUCE: '1' })
    await waitForLines(app, (line) => line.startsWith('committed '), commitsBeforeKill)
    app.process.kill('SIGKILL')
    await app.exited
    const restarted = child('producer-child.mjs', { ...env, RELAY: '1' })
    await settled(outbox, 120_000)
    restarted.process.kill('SIGKILL')
    await restarted.exited
    const { rows } = await pool.query('SELECT transaction_id FROM orders')
    const counts = storedCounts(api)
    const lost = rows.filter((row) => !counts.has(row.transaction_id)).length
    const duplicated = [...counts.values()].filter((n) => n > 1).length
    return { committed: rows.length, lost, duplicated }
  })
}

export async function run({
  outboxLatencySamples,
  outboxEvents,
  outboxFaultEvents,
  outboxKillAfter,
  ingestRuns,
}) {
  const cluster = await startPostgresCluster()
  try {
    const latency = []
    const outboxRates = []
    const batcherRates = []
    for (let index = 0; index < ingestRuns; index++) {
      latency.push(await trackLatency(cluster, outboxLatencySamples))
      outboxRates.push(await endToEnd(cluster, outboxEvents))
      batcherRates.push(await batcherRate(cluster, outboxEvents))
    }
    const faults = await faultyRelays(cluster, outboxFaultEvents)
    const kill = await killedProducer(cluster, outboxKillAfter)
    const ours = (metric, unit, better, value, runs = ingestRuns) => ({
      metric,
      unit,
      better,
      runs,
      ours: value,
      upstream: null,
    })
    return {
      rows: [
        ours(
          'outbox track() inside a transaction, p50',
          'ms',
          'lower',
          median(latency.map((l) => l.p50)),
        ),
        ours(
          'outbox track() inside a transaction, p99',
          'ms',
          'lower',
          median(latency.map((l) => l.p99)),
        ),
        ours(
          `outbox end to end, commit → relay → stored (${outboxEvents} events)`,
          'events/s',
          'higher',
          median(outboxRates),
        ),
        ours(
          `in-memory batcher track() + flush(), same events (${outboxEvents})`,
          'events/s',
          'higher',
          median(batcherRates),
        ),
        ours(
          `3 relay processes, 20% API faults (${outboxFaultEvents} events)`,
          'events/s',
          'higher',
          faults.eventsPerSecond,
          1,
        ),
        ours(
          '… transactionIds stored twice / never',
          'count',
          'lower',
          faults.duplicated + faults.missing,
          1,
        ),
        ours(
          `SIGKILLed app, restarted: committed events lost or doubled (of ${kill.committed})`,
          'count',
          'lower',
          kill.lost + kill.duplicated,
          1,
        ),
      ],
      samples: { latency, outboxRates, batcherRates, faults, kill },
    }
  } finally {
    await cluster.stop()
  }
}
