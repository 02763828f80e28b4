// What sections 3 and 6 share: an in-process emulator behind a counting (optionally slowed)
// fetch, and the two route handlers (ours and upstream's, from route-handlers.mjs) wired to it.
import { createEmulator } from '@flowglad/emulator'
import {
  API_KEY,
  API_ORIGIN,
  ourRouteHandler,
  upstreamRouteHandler,
  withGlobalFetch,
} from './route-handlers.mjs'
import { sleep } from './stats.mjs'

export {
  API_KEY,
  API_ORIGIN,
  APP_ORIGIN,
  browserUsageEventRequest,
  ourRouteHandler,
  sendOk,
  upstreamRouteHandler,
  withGlobalFetch,
} from './route-handlers.mjs'

/**
 * A fresh emulator and a fetch to it that counts API requests and waits `delayMs` before each,
 * standing in for the network between an app server and the Flowglad API.
 */
export function inProcessApi({ delayMs = 0 } = {}) {
  const emulator = createEmulator()
  const counter = { requests: 0 }
  const fetch = async (input, init) => {
    counter.requests++
    if (delayMs > 0) await sleep(delayMs)
    return emulator.fetch(new Request(input, init))
  }
  return { emulator, fetch, counter }
}

/** Creates a customer straight on the emulator (not counted), subscribed to the free plan. */
export async function seedCustomer(emulator, externalId) {
  const response = await emulator.fetch(
    new Request(`${API_ORIGIN}/api/v1/customers`, {
      method: 'POST',
      headers: { authorization: API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({
        customer: { externalId, name: 'Bench User', email: 'b@example.com' },
      }),
    }),
  )
  if (!response.ok) throw new Error(`seeding ${externalId}: ${response.status}`)
  const { data } = await response.json()
  return { customerId: data.customer.id, subscriptionId: data.subscription.id }
}

/** Builds each side's Web handler for an `inProcessApi()` and runs code in its fetch setting. */
export const routeHandlerSides = {
  ours: { handler: (api) => ourRouteHandler(api.fetch), around: (_api, fn) => fn() },
  upstream: {
    handler: () => upstreamRouteHandler(),
    around: (api, fn) => withGlobalFetch(api.fetch, fn),
  },
}
