// 4. Bulk ingest to the emulator over loopback HTTP (127.0.0.1): events/s for an await-per-event
// loop, for `bulkCreateUsageEvents` in requests of 500, and for our batcher (upstream has none);
// plus the CPU time one `track` call costs the caller.
import { performance } from 'node:perf_hooks'
import { startEmulator } from '@flowglad/emulator/node'
import { API_KEY } from '../fixtures.mjs'
import { median, turnOrder } from '../stats.mjs'

export const title = 'Bulk ingest to the emulator over loopback (events/s; CPU per track)'

const BULK_REQUEST_SIZE = 500
const adminClasses = {
  ours: async () => (await import('@flowglad/server')).FlowgladServerAdmin,
  upstream: async () => (await import('upstream-server')).FlowgladServerAdmin,
}

/** A fresh emulator on an ephemeral loopback port and one customer; closed after `fn`. */
async function withLoopbackEmulator(side, fn) {
  const server = await startEmulator({ port: 0, host: '127.0.0.1' })
  try {
    const Admin = await adminClasses[side]()
    const admin = new Admin({ apiKey: API_KEY, baseURL: server.url })
    const created = await admin.createCustomer({
      customer: { externalId: 'ingest', name: 'Bench', email: 'bench@example.com' },
    })
    return await fn(admin, created.data.subscription.id)
  } finally {
    await server.close()
  }
}

function events(count, subscriptionId, prefix) {
  return Array.from({ length: count }, (_, index) => ({
    usageMeterSlug: 'ai_tokens',
    amount: 1,
    subscriptionId,
    transactionId: `${prefix}_${index}`,
  }))
}

function expectCount(what, actual, expected) {
  if (actual !== expected) throw new Error(`${what}: ${actual} of ${expected} events stored`)
}

async function naiveLoop(side, count) {
  return withLoopbackEmulator(side, async (admin, subscriptionId) => {
    const batch = events(count, subscriptionId, 'naive')
    // A few untimed calls first, so connection set-up and first-call JIT are not counted.
    for (const usageEvent of events(10, subscriptionId, 'warm-up')) {
      await admin.createUsageEvent({ usageEvent })
    }
    const start = performance.now()
    for (const usageEvent of batch) await admin.createUsageEvent({ usageEvent })
    return count / ((performance.now() - start) / 1000)
  })
}

async function bulkRequests(side, count) {
  return withLoopbackEmulator(side, async (admin, subscriptionId) => {
    const batch = events(count, subscriptionId, 'bulk')
    let stored = 0
    const start = performance.now()
    for (let offset = 0; offset < count; offset += BULK_REQUEST_SIZE) {
      const usageEvents = batch.slice(offset, offset + BULK_REQUEST_SIZE)
      stored += (await admin.bulkCreateUsageEvents({ usageEvents })).usageEvents.length
    }
    const seconds = (performance.now() - start) / 1000
    expectCount(`${side} bulk`, stored, count)
    return count / seconds
  })
}

/** Ours only: track everything, then flush; also the caller's CPU µs per `track` call. */
async function batcher(count) {
  const { createUsageBatcher } = await import('@flowglad/server')
  if (typeof createUsageBatcher !== 'function') {
    throw new Error('@flowglad/server does not export createUsageBatcher (yet)')
  }
  return withLoopbackEmulator('ours', async (admin, subscriptionId) => {
    const batch = events(count, subscriptionId, 'batched')
    const usage = createUsageBatcher({ client: admin, maxQueueSize: count })
    const start = performance.now()
    const cpuBefore = process.cpuUsage()
    for (const event of batch) usage.track(event)
    const cpu = process.cpuUsage(cpuBefore)
    await usage.flush()
    const seconds = (performance.now() - start) / 1000
    const counts = await usage.shutdown()
    expectCount('batcher', counts.created, count)
    return { eventsPerSecond: count / seconds, cpuMicrosPerTrack: (cpu.user + cpu.system) / count }
  })
}

export async function run({ naiveEvents, bulkEvents, ingestRuns }) {
  const samples = {
    naive: { ours: [], upstream: [] },
    bulk: { ours: [], upstream: [] },
    batcher: [],
  }
  // One small untimed pass first: whoever ran first would otherwise pay for warming up the
  // emulator's HTTP server code (JIT) on behalf of both.
  for (const side of ['ours', 'upstream']) {
    await naiveLoop(side, 50)
    await bulkRequests(side, BULK_REQUEST_SIZE)
  }
  await batcher(BULK_REQUEST_SIZE)
  for (let index = 0; index < ingestRuns; index++) {
    for (const side of turnOrder(index)) {
      samples.naive[side].push(await naiveLoop(side, naiveEvents))
      samples.bulk[side].push(await bulkRequests(side, bulkEvents))
    }
    samples.batcher.push(await batcher(bulkEvents))
  }
  const pair = (kind) => ({
    ours: median(samples[kind].ours),
    upstream: median(samples[kind].upstream),
  })
  const perSecond = { unit: 'events/s', better: 'higher', runs: ingestRuns }
  return {
    rows: [
      { metric: `await-per-event loop (${naiveEvents} events)`, ...perSecond, ...pair('naive') },
      {
        metric: `bulkCreateUsageEvents, ${BULK_REQUEST_SIZE} per request (${bulkEvents} events)`,
        ...perSecond,
        ...pair('bulk'),
      },
      {
        metric: `batcher track() + flush() (${bulkEvents} events)`,
        ...perSecond,
        ours: median(samples.batcher.map((sample) => sample.eventsPerSecond)),
        upstream: null,
      },
      {
        metric: 'CPU per track() call',
        unit: 'µs',
        better: 'lower',
        runs: ingestRuns,
        ours: median(samples.batcher.map((sample) => sample.cpuMicrosPerTrack)),
        upstream: null,
      },
    ],
    samples,
  }
}
