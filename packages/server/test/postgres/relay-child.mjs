// A child process of processes.postgres.test.ts: one relay worker. LOST_RESPONSE_RATE drops
// that share of bulk answers after the API processed the request (the worst case: stored, but
// the relay never hears so). Stops on SIGTERM and prints its own counts as JSON.
import pg from 'pg'
import { FlowgladServerAdmin } from '../../dist/index.js'
import { createUsageOutbox } from '../../dist/postgres/index.js'
import { tolerateIdleDisconnects } from './cluster.mjs'

const { DATABASE_URL, API_URL, LOST_RESPONSE_RATE = '0', SEED = '1' } = process.env

let state = Number(SEED) >>> 0
function random() {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
}

const lost = { count: 0 }
async function lossyFetch(input, init) {
  const response = await fetch(input, init)
  if (String(input).endsWith('/usage-events/bulk') && random() < Number(LOST_RESPONSE_RATE)) {
    await response.arrayBuffer()
    lost.count += 1
    throw new TypeError('fetch failed: the answer was lost (injected by the test)')
  }
  return response
}

const pool = tolerateIdleDisconnects(new pg.Pool({ connectionString: DATABASE_URL, max: 4 }))
const outbox = createUsageOutbox({ pool })
const client = new FlowgladServerAdmin({
  apiKey: 'sk_test_outbox',
  baseURL: API_URL,
  fetch: lossyFetch,
  maxRetries: 0,
  timeout: 5_000,
})
const relay = outbox.startRelay({
  client,
  maxBatchSize: 100,
  maxConcurrentRequests: 2,
  pollIntervalMs: 25,
  leaseMs: 10_000,
})
console.log('ready')

process.once('SIGTERM', async () => {
  const stats = await relay.stop({ timeoutMs: 5_000 })
  await pool.end()
  console.log(JSON.stringify({ ...stats.relay, lostResponses: lost.count }))
  process.exit(0)
})
