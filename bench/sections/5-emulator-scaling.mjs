// 5. Emulator scaling: time to ingest N events (bulk requests of 5,000, in-process), time to read
// balances afterwards, and heap bytes per stored event, at growing N. Each N runs in a fresh
// child process (`--expose-gc`) so one size's garbage cannot inflate the next one's memory.
import { execFileSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { createEmulator } from '@flowglad/emulator'
import { API_KEY, API_ORIGIN, seedCustomer } from '../fixtures.mjs'
import { median } from '../stats.mjs'

export const title = 'Emulator scaling (in-process; ours only: upstream ships no emulator)'

const CHUNK = 5_000
const CUSTOMERS = 10
const READS = 20

async function call(emulator, method, path, body) {
  const response = await emulator.fetch(
    new Request(`${API_ORIGIN}/api/v1${path}`, {
      method,
      headers: { authorization: API_KEY, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  )
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.json()
}

async function readMs(emulator, path) {
  const samples = []
  for (let index = 0; index < READS; index++) {
    const start = performance.now()
    await call(emulator, 'GET', path)
    samples.push(performance.now() - start)
  }
  return median(samples)
}

/** The child's job: one emulator, `total` events, one JSON line of measurements on stdout. */
async function measure(total) {
  const emulator = createEmulator()
  const subscriptions = []
  for (let index = 0; index < CUSTOMERS; index++) {
    subscriptions.push((await seedCustomer(emulator, `scale_${index}`)).subscriptionId)
  }
  globalThis.gc()
  const heapBefore = process.memoryUsage().heapUsed
  const start = performance.now()
  for (let offset = 0; offset < total; offset += CHUNK) {
    const usageEvents = []
    for (let index = offset; index < Math.min(offset + CHUNK, total); index++) {
      const subscriptionId = subscriptions[index % CUSTOMERS]
      usageEvents.push({
        usageMeterSlug: 'ai_tokens',
        amount: 1,
        subscriptionId,
        transactionId: `t${index}`,
      })
    }
    const { usageEvents: stored } = await call(emulator, 'POST', '/usage-events/bulk', {
      usageEvents,
    })
    if (stored.length !== usageEvents.length) throw new Error(`stored ${stored.length} of a chunk`)
  }
  const ingestMs = performance.now() - start
  globalThis.gc()
  const bytesPerEvent = (process.memoryUsage().heapUsed - heapBefore) / total
  return {
    ingestMs,
    balancesMs: await readMs(emulator, '/customers/scale_0/usage-balances'),
    billingMs: await readMs(emulator, '/customers/scale_0/billing'),
    bytesPerEvent,
  }
}

function inChild(total) {
  const file = fileURLToPath(import.meta.url)
  const args = ['--expose-gc', '--max-old-space-size=6144', file, '--child', String(total)]
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 })
  return JSON.parse(out.trim().split('\n').at(-1))
}

const label = (total) => `10^${Math.round(Math.log10(total))}`

export async function run({ scalingSizes, scalingRuns }) {
  const rows = []
  const samples = {}
  for (const total of scalingSizes) {
    samples[total] = []
    for (let index = 0; index < scalingRuns; index++) samples[total].push(inChild(total))
    const pick = (field) => median(samples[total].map((sample) => sample[field]))
    const ours = (metric, unit, value) => ({
      metric: `${metric} at ${label(total)} events`,
      unit,
      better: unit === 'events/s' ? 'higher' : 'lower',
      ours: value,
      upstream: null,
      runs: scalingRuns,
    })
    rows.push(
      ours('ingest time', 'ms', pick('ingestMs')),
      ours('ingest rate', 'events/s', total / (pick('ingestMs') / 1000)),
      ours('read balances', 'ms', pick('balancesMs')),
      ours('read billing', 'ms', pick('billingMs')),
      ours('heap per stored event', 'bytes', pick('bytesPerEvent')),
    )
  }
  return { rows, samples, curve: curveTable(scalingSizes, rows) }
}

/** The same numbers as one line per N, so the growth curve reads top to bottom. */
function curveTable(sizes, rows) {
  const perSize = rows.length / sizes.length
  return {
    columns: [
      'events stored',
      'ingest',
      'ingest rate',
      'read balances',
      'read billing',
      'heap/event',
    ],
    rows: sizes.map((total, index) => [
      { value: total, unit: 'count' },
      ...rows
        .slice(index * perSize, (index + 1) * perSize)
        .map(({ ours, unit }) => ({ value: ours, unit })),
    ]),
  }
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await measure(Number(process.argv[3]))))
}
