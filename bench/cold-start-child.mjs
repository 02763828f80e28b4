// Section 2's first-request measurement, run as `node cold-start-child.mjs <ours|upstream>` in a
// fresh process: the emulator starts in a worker and the customer is seeded first (not counted);
// then the clock runs over importing the SDK, building its route handler and answering the
// first browser usage event. Prints the milliseconds.
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import {
  API_KEY,
  API_ORIGIN,
  browserUsageEventRequest,
  ourRouteHandler,
  sendOk,
  upstreamRouteHandler,
  withGlobalFetch,
} from './route-handlers.mjs'

const side = process.argv[2]
const worker = new Worker(new URL('./emulator-worker.mjs', import.meta.url))
const pending = new Map()
let nextId = 0
const ready = new Promise((resolve) => {
  worker.on('message', (message) => {
    if (message.ready) return resolve()
    pending.get(message.id)?.(message)
    pending.delete(message.id)
  })
})

/** A fetch answered by the emulator worker. */
async function apiFetch(input, init) {
  const request = new Request(input, init)
  const id = nextId++
  const answer = new Promise((resolve) => pending.set(id, resolve))
  worker.postMessage({
    id,
    url: request.url,
    method: request.method,
    headers: [...request.headers],
    body: request.method === 'GET' ? undefined : await request.text(),
  })
  const { status, headers, body } = await answer
  return new Response(body, { status, headers })
}

await ready
const seeded = await apiFetch(`${API_ORIGIN}/api/v1/customers`, {
  method: 'POST',
  headers: { authorization: API_KEY, 'content-type': 'application/json' },
  body: JSON.stringify({ customer: { externalId: 'cold', name: 'Bench User', email: 'b@x.io' } }),
})
if (!seeded.ok) throw new Error(`seeding: ${seeded.status}`)

const start = performance.now()
if (side === 'ours') {
  const handler = await ourRouteHandler(apiFetch)
  await sendOk(handler, browserUsageEventRequest('cold'))
} else {
  await withGlobalFetch(apiFetch, async () => {
    const handler = await upstreamRouteHandler()
    await sendOk(handler, browserUsageEventRequest('cold'))
  })
}
console.log(performance.now() - start)
await worker.terminate()
