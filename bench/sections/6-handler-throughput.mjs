// 6. Route handler throughput for `usage-events/create`, the API in-process with no added
// latency: what the handler itself (and the API calls it makes) costs per request.
import { performance } from 'node:perf_hooks'
import {
  browserUsageEventRequest,
  inProcessApi,
  routeHandlerSides,
  seedCustomer,
  sendOk,
} from '../fixtures.mjs'
import { median, turnOrder } from '../stats.mjs'

export const title = 'Route handler throughput, usage-events/create (in-process API, no delay)'

const sides = routeHandlerSides

/** Requests per second over `requests` sequential requests, after a short warm-up. */
async function throughput(side, requests) {
  const api = inProcessApi()
  await seedCustomer(api.emulator, 'throughput')
  const handler = await side.handler(api)
  return side.around(api, async () => {
    const warmUp = Math.min(50, requests)
    for (let index = 0; index < warmUp; index++) {
      await sendOk(handler, browserUsageEventRequest('throughput'))
    }
    const start = performance.now()
    for (let index = 0; index < requests; index++) {
      await sendOk(handler, browserUsageEventRequest('throughput'))
    }
    return requests / ((performance.now() - start) / 1000)
  })
}

export async function run({ throughputRequests, throughputRuns }) {
  const samples = { ours: [], upstream: [] }
  for (let index = 0; index < throughputRuns; index++) {
    for (const name of turnOrder(index)) {
      samples[name].push(await throughput(sides[name], throughputRequests))
    }
  }
  return {
    rows: [
      {
        metric: `handler throughput, sequential (${throughputRequests} requests)`,
        unit: 'req/s',
        better: 'higher',
        ours: median(samples.ours),
        upstream: median(samples.upstream),
        runs: throughputRuns,
      },
    ],
    samples,
  }
}
