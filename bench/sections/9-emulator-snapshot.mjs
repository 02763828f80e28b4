// 9. Emulator snapshot and long clock moves: ingest N realistic usage events (bulk requests of
// 5,000, in-process), stream the snapshot to a file, reload it into a fresh emulator; and move
// the clock Y years ahead with S subscriptions (every month closes a period for each). Each
// measurement runs in a fresh child process (`--expose-gc`), so memory figures are its own.
import { execFileSync } from 'node:child_process'
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { createEmulator } from '@flowglad/emulator'
import { API_KEY, API_ORIGIN, seedCustomer } from '../fixtures.mjs'
import { median } from '../stats.mjs'

export const title =
  'Emulator snapshot and clock (in-process; ours only: upstream ships no emulator)'

const CHUNK = 5_000
const CUSTOMERS = 100
const START = Date.UTC(2026, 0, 15)
const YEAR = 365.25 * 86_400_000

async function post(emulator, path, body) {
  const response = await emulator.fetch(
    new Request(`${API_ORIGIN}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`)
  return response.json()
}

/** Event `index`: three meters, with the kind of properties an app sends. */
function realisticEvent(index, subscriptionId) {
  const kind = index % 10
  const base = { subscriptionId, transactionId: `evt_${index}_${(index * 2654435761) % 1e9}` }
  if (kind < 7) {
    return {
      ...base,
      usageMeterSlug: 'ai_tokens',
      amount: 100 + (index % 900),
      usageDate: START + index,
      properties: { model: index % 2 ? 'gpt-4o-mini' : 'claude-haiku', route: '/api/chat' },
    }
  }
  if (kind < 9) {
    return {
      ...base,
      usageMeterSlug: 'api_calls',
      amount: 1,
      properties: { endpoint: '/v1/search' },
    }
  }
  return {
    ...base,
    usageMeterSlug: 'active_users',
    amount: 1,
    properties: { userId: `u${index % 5000}` },
  }
}

/** Heap + external (array buffers included): what the process holds, without freed pages. */
function held() {
  const { heapUsed, external } = process.memoryUsage()
  return heapUsed + external
}

/** Runs `fn` while sampling memory every 20 ms; returns its time and the peaks seen. */
async function sampled(fn) {
  let peakHeld = held()
  let peakRss = process.memoryUsage().rss
  const sample = () => {
    peakHeld = Math.max(peakHeld, held())
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }
  const timer = setInterval(sample, 20)
  const start = performance.now()
  try {
    await fn()
    const ms = performance.now() - start
    sample()
    return { ms, peakHeld, peakRss }
  } finally {
    clearInterval(timer)
  }
}

async function ingestAndExport(total, file) {
  const emulator = createEmulator({ now: START })
  const subscriptions = []
  for (let index = 0; index < CUSTOMERS; index++) {
    subscriptions.push((await seedCustomer(emulator, `snap_${index}`)).subscriptionId)
  }
  const ingestStart = performance.now()
  for (let offset = 0; offset < total; offset += CHUNK) {
    const usageEvents = []
    for (let index = offset; index < Math.min(offset + CHUNK, total); index++) {
      usageEvents.push(realisticEvent(index, subscriptions[index % CUSTOMERS]))
    }
    await post(emulator, '/usage-events/bulk', { usageEvents })
  }
  const ingestMs = performance.now() - ingestStart
  globalThis.gc()
  const heldBefore = held()
  const exported = await sampled(() =>
    pipeline(emulator.exportStateStream(), createWriteStream(file)),
  )
  return {
    ingestMs,
    stateBytes: heldBefore,
    exportMs: exported.ms,
    exportExtraBytes: exported.peakHeld - heldBefore,
    fileBytes: statSync(file).size,
  }
}

async function reload(file) {
  const emulator = createEmulator({ now: START })
  const reloaded = await sampled(() => emulator.importStateStream(createReadStream(file)))
  return {
    reloadMs: reloaded.ms,
    reloadPeakHeld: reloaded.peakHeld,
    reloadPeakRss: Math.max(reloaded.peakRss, process.resourceUsage().maxRSS * 1024),
    events: emulator.state.tables.usageEvents.size,
  }
}

async function clockMove(subscriptions, years) {
  const emulator = createEmulator({ now: START })
  for (let index = 0; index < subscriptions; index++) await seedCustomer(emulator, `clk_${index}`)
  const periodsBefore = emulator.state.tables.billingPeriods.size
  globalThis.gc()
  const heapBefore = process.memoryUsage().heapUsed
  const start = performance.now()
  emulator.clock.advance(Math.round(years * YEAR))
  const clockMs = performance.now() - start
  globalThis.gc()
  return {
    clockMs,
    periodsClosed: emulator.state.tables.billingPeriods.size - periodsBefore,
    heapPerPeriod:
      (process.memoryUsage().heapUsed - heapBefore) /
      (emulator.state.tables.billingPeriods.size - periodsBefore),
  }
}

function inChild(...args) {
  const file = fileURLToPath(import.meta.url)
  const argv = ['--expose-gc', '--max-old-space-size=8192', file, '--child', ...args.map(String)]
  const out = execFileSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 20 })
  return JSON.parse(out.trim().split('\n').at(-1))
}

const power = (n) => `10^${Math.round(Math.log10(n))}`

export async function run({
  snapshotEvents,
  snapshotRuns,
  clockSubscriptions,
  clockYears,
  clockRuns,
}) {
  const dir = mkdtempSync(join(tmpdir(), 'flowglad-bench-snapshot-'))
  const file = join(dir, 'state.json')
  const samples = { snapshot: [], clock: [] }
  try {
    for (let index = 0; index < snapshotRuns; index++) {
      samples.snapshot.push({
        ...inChild('export', snapshotEvents, file),
        ...inChild('reload', file),
      })
      if (samples.snapshot.at(-1).events !== snapshotEvents) throw new Error('reload lost events')
    }
    for (let index = 0; index < clockRuns; index++) {
      samples.clock.push(inChild('clock', clockSubscriptions, clockYears))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const pick = (list, field) => median(list.map((sample) => sample[field]))
  const ours = (metric, unit, value, runs = snapshotRuns) => ({
    metric,
    unit,
    better: 'lower',
    ours: value,
    upstream: null,
    runs,
  })
  const n = power(snapshotEvents)
  const moved = `${clockYears}-year clock move, ${clockSubscriptions} subscriptions`
  const rows = [
    ours(`ingest ${n} realistic events`, 'ms', pick(samples.snapshot, 'ingestMs')),
    ours(`heap + external holding ${n} events`, 'bytes', pick(samples.snapshot, 'stateBytes')),
    ours(`export ${n} events (streamed to a file)`, 'ms', pick(samples.snapshot, 'exportMs')),
    ours(`snapshot file, ${n} events`, 'bytes', pick(samples.snapshot, 'fileBytes')),
    ours(
      `export ${n}: peak heap + external above the state`,
      'bytes',
      pick(samples.snapshot, 'exportExtraBytes'),
    ),
    ours(`reload ${n} events (streamed from the file)`, 'ms', pick(samples.snapshot, 'reloadMs')),
    ours(`reload ${n}: peak heap + external`, 'bytes', pick(samples.snapshot, 'reloadPeakHeld')),
    ours(`reload ${n}: peak RSS of the process`, 'bytes', pick(samples.snapshot, 'reloadPeakRss')),
    ours(moved, 'ms', pick(samples.clock, 'clockMs'), clockRuns),
    ours(`${moved}: periods closed`, 'count', pick(samples.clock, 'periodsClosed'), clockRuns),
    ours(
      `${moved}: heap per closed period`,
      'bytes',
      pick(samples.clock, 'heapPerPeriod'),
      clockRuns,
    ),
  ]
  return { rows, samples }
}

if (process.argv[2] === '--child') {
  const [mode, ...args] = process.argv.slice(3)
  const result =
    mode === 'export'
      ? await ingestAndExport(Number(args[0]), args[1])
      : mode === 'reload'
        ? await reload(args[0])
        : await clockMove(Number(args[0]), Number(args[1]))
  console.log(JSON.stringify(result))
}
