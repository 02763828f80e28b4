// The two route handlers (ours and upstream's) as Web handlers, and the browser's usage event
// request. No emulator import here: section 2's cold-start child loads this in a fresh process
// and must not have the emulator (or zod) loaded for it.
import { randomUUID } from 'node:crypto'

export const API_KEY = 'sk_test_bench'
export const API_ORIGIN = 'http://emulator.local'
export const APP_ORIGIN = 'http://app.local'
const customerDetails = async () => ({ name: 'Bench User', email: 'bench@example.com' })

/** The request the browser SDK sends for `createUsageEvent({ usageMeterSlug, amount })`. */
export function browserUsageEventRequest(userId) {
  return new Request(`${APP_ORIGIN}/api/flowglad/usage-events/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: APP_ORIGIN, 'x-user-id': userId },
    body: JSON.stringify({ usageMeterSlug: 'ai_tokens', amount: 10, transactionId: randomUUID() }),
  })
}

/** Ours: `createFlowgladHandler`, the app's auth read from a header. */
export async function ourRouteHandler(fetch) {
  const { createFlowgladHandler, FlowgladServer } = await import('@flowglad/server')
  return createFlowgladHandler({
    getCustomerExternalId: (request) => request.headers.get('x-user-id'),
    flowglad: (customerExternalId) =>
      new FlowgladServer({
        customerExternalId,
        getCustomerDetails: customerDetails,
        apiKey: API_KEY,
        baseURL: API_ORIGIN,
        fetch,
      }),
  })
}

/**
 * Upstream: `requestHandler` behind the few lines its Next adapter adds (path from the URL,
 * JSON body, `{ error, data }` JSON answer), so both sides go Request → Response. Its
 * FlowgladServer reads the global fetch when built, so run it inside `withGlobalFetch`.
 */
export async function upstreamRouteHandler() {
  const { requestHandler, FlowgladServer } = await import('upstream-server')
  const handle = requestHandler({
    getCustomerExternalId: async (request) => request.headers.get('x-user-id'),
    flowglad: async (customerExternalId) =>
      new FlowgladServer({
        customerExternalId,
        getCustomerDetails: customerDetails,
        apiKey: API_KEY,
        baseURL: API_ORIGIN,
      }),
  })
  return async (request) => {
    const url = new URL(request.url)
    const path = url.pathname.replace(/^\/api\/flowglad\//, '').split('/')
    const body = request.method === 'GET' ? undefined : await request.json().catch(() => ({}))
    const query = Object.fromEntries(url.searchParams)
    const result = await handle({ path, method: request.method, query, body }, request)
    return Response.json(
      { error: result.error ?? null, data: result.data ?? null },
      { status: result.status },
    )
  }
}

/**
 * Routes global fetch calls for the emulator's origin to `apiFetch` while `fn` runs (upstream's
 * REST client has no way to be handed a fetch through FlowgladServer), then restores it.
 */
export async function withGlobalFetch(apiFetch, fn) {
  const original = globalThis.fetch
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    return url.startsWith(API_ORIGIN) ? apiFetch(input, init) : original(input, init)
  }
  try {
    return await fn()
  } finally {
    globalThis.fetch = original
  }
}

/** Sends one request through a handler and fails loudly unless it answered 200. */
export async function sendOk(handler, request) {
  const response = await handler(request)
  const text = await response.text()
  if (response.status !== 200) throw new Error(`handler answered ${response.status}: ${text}`)
  return JSON.parse(text)
}
