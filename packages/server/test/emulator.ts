import { createEmulator, type Emulator } from '@flowglad/emulator'

export const EMULATOR_KEY = 'sk_test_emulator'
let counter = 0

export interface EmulatorHarness {
  emulator: Emulator
  baseURL: string
  /** Routes to the in-process emulator; `intercept` may change any call. */
  fetch: typeof fetch
  requests: { method: string; path: string }[]
  /** `{ apiKey, baseURL, fetch }` for any SDK class pointed at this emulator. */
  clientOptions: { apiKey: string; baseURL: string; fetch: typeof fetch }
}

type Next = (request: Request) => Promise<Response>

/** A fresh emulator on its own base URL; `intercept` wraps each call (fault injection). */
export function startEmulator(
  intercept?: (request: Request, next: Next) => Promise<Response>,
): EmulatorHarness {
  const emulator = createEmulator()
  counter += 1
  const baseURL = `http://emulator-${counter}.local`
  const requests: EmulatorHarness['requests'] = []
  const next: Next = (request) => emulator.fetch(request)
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    requests.push({ method: request.method, path: new URL(request.url).pathname })
    return intercept ? intercept(request, next) : next(request)
  }
  const fetch = fetchImpl as typeof globalThis.fetch
  return {
    emulator,
    baseURL,
    fetch,
    requests,
    clientOptions: { apiKey: EMULATOR_KEY, baseURL, fetch },
  }
}

type Rows<K extends keyof Emulator['state']['tables']> =
  Emulator['state']['tables'][K] extends Map<string, infer Row> ? Row[] : never

export function storedUsageEvents(emulator: Emulator): Rows<'usageEvents'> {
  return [...emulator.state.tables.usageEvents.values()]
}

export function customersWithExternalId(emulator: Emulator, externalId: string): Rows<'customers'> {
  return [...emulator.state.tables.customers.values()].filter(
    (customer) => customer.externalId === externalId,
  )
}
