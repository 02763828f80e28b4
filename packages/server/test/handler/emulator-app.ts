import { createEmulator, type Emulator } from '@flowglad/emulator'
import { FlowgladServerAdmin } from '../../src/admin/flowglad-server-admin.js'
import { createFlowgladHandler } from '../../src/handler/create-flowglad-handler.js'
import type { FlowgladHandlerOptions } from '../../src/handler/types.js'
import { FlowgladServer } from '../../src/server/flowglad-server.js'

export const appOrigin = 'http://app.test'
let instance = 0

/**
 * The whole trusted path in one process: route handler core → real FlowgladServer → REST
 * client → in-process emulator. The signed-in user is the `x-user` header (a fake auth).
 */
export function createEmulatorApp(
  overrides: Partial<FlowgladHandlerOptions> = {},
  /** Share another app's emulator (a new app has its own, cold, ownership cache). */
  emulator: Emulator = createEmulator(),
) {
  instance += 1
  const baseURL = `http://emulator-handler-${instance}.local`
  const apiCalls: string[] = []
  let unreachable = false
  let fault: string | null = null
  const apiFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    apiCalls.push(`${request.method} ${new URL(request.url).pathname}`)
    if (unreachable) throw new TypeError('fetch failed')
    // The emulator's own fault injection: the request is answered with the fault, not processed.
    if (fault !== null) request.headers.set('x-emulator-fault', fault)
    return emulator.fetch(request)
  }
  /** The trusted server SDK for one customer, as the app's own server code would use it. */
  const serverFor = (customerExternalId: string) =>
    new FlowgladServer({
      customerExternalId,
      getCustomerDetails: (id) => ({ name: `User ${id}`, email: `${id}@example.test` }),
      apiKey: 'sk_test_handler',
      baseURL,
      fetch: apiFetch as typeof fetch,
      maxRetries: 0,
    })
  /** The organisation's admin client (the hybrid route signed out uses it). */
  const admin = () =>
    new FlowgladServerAdmin({
      apiKey: 'sk_test_handler',
      baseURL,
      fetch: apiFetch as typeof fetch,
      maxRetries: 0,
    })
  const handler = createFlowgladHandler({
    getCustomerExternalId: (request) => request.headers.get('x-user'),
    flowglad: serverFor,
    flowgladAdmin: admin,
    ...overrides,
  })

  async function call(
    user: string | null,
    path: string,
    body: unknown = {},
    headers: Record<string, string> = {},
  ) {
    const response = await handler(
      new Request(`${appOrigin}/api/flowglad/${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: appOrigin,
          ...(user === null ? {} : { 'x-user': user }),
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    )
    const envelope = (await response.json()) as {
      // biome-ignore lint/suspicious/noExplicitAny: test reads arbitrary data shapes
      data: any
      error: { code: string; json: { message: string; [key: string]: unknown } } | null
    }
    return { status: response.status, ...envelope }
  }

  return {
    emulator,
    handler,
    call,
    serverFor,
    admin,
    apiCalls,
    setUnreachable: (value: boolean) => {
      unreachable = value
    },
    /** Makes every following API request fail with this emulator fault mode (null: stop). */
    setFault: (mode: '500' | '503' | '429' | 'reset' | 'malformed-json' | null) => {
      fault = mode
    },
  }
}
