// 3. One browser usage event through the route handler, the emulator in-process behind a fetch
// that adds 20 ms per API request (a stand-in for the app → Flowglad network hop).
// Cold: a fresh server (no caches) and the customer's first event; warm: later events.
import { performance } from 'node:perf_hooks'
import {
  browserUsageEventRequest,
  inProcessApi,
  routeHandlerSides,
  seedCustomer,
  sendOk,
} from '../fixtures.mjs'
import { median, turnOrder } from '../stats.mjs'

export const title = 'One browser usage event through the route handler (20 ms per API request)'

const sides = routeHandlerSides

async function measureOne(handler, api, userId) {
  const before = api.counter.requests
  const start = performance.now()
  await sendOk(handler, browserUsageEventRequest(userId))
  return { ms: performance.now() - start, requests: api.counter.requests - before }
}

async function cold(side, delayMs, index) {
  const api = inProcessApi({ delayMs })
  await seedCustomer(api.emulator, `cold_${index}`)
  const handler = await side.handler(api)
  return side.around(api, () => measureOne(handler, api, `cold_${index}`))
}

async function warm(side, delayMs, runs) {
  const api = inProcessApi({ delayMs })
  await seedCustomer(api.emulator, 'warm')
  const handler = await side.handler(api)
  return side.around(api, async () => {
    await measureOne(handler, api, 'warm') // the cold one, not counted
    const samples = []
    for (let index = 0; index < runs; index++) samples.push(await measureOne(handler, api, 'warm'))
    return samples
  })
}

export async function run({ usageEventRuns, apiDelayMs = 20 }) {
  const samples = { cold: { ours: [], upstream: [] }, warm: {} }
  for (let index = 0; index < usageEventRuns; index++) {
    for (const name of turnOrder(index)) {
      samples.cold[name].push(await cold(sides[name], apiDelayMs, index))
    }
  }
  for (const name of ['ours', 'upstream']) {
    samples.warm[name] = await warm(sides[name], apiDelayMs, usageEventRuns)
  }
  const pick = (phase, name, field) => median(samples[phase][name].map((sample) => sample[field]))
  const row = (phase, field, metric, unit) => ({
    metric,
    unit,
    better: 'lower',
    ours: pick(phase, 'ours', field),
    upstream: pick(phase, 'upstream', field),
    runs: usageEventRuns,
  })
  return {
    rows: [
      row('cold', 'requests', 'API requests per event, cold', 'requests'),
      row('warm', 'requests', 'API requests per event, warm', 'requests'),
      row('cold', 'ms', 'latency per event, cold', 'ms'),
      row('warm', 'ms', 'latency per event, warm', 'ms'),
    ],
    samples,
  }
}
