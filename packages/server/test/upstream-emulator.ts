import { createEmulator, type Emulator, type EmulatorOptions } from '@flowglad/emulator'
import { FlowgladServer as UpstreamServer } from 'upstream-server'
import { afterEach, beforeEach } from 'vitest'

export const UPSTREAM_API_KEY = 'sk_test_upstream'

/**
 * Upstream's published server against a fresh emulator per test. Its REST client only uses the
 * global fetch, so for each test the emulator's origin is routed to the emulator (other
 * origins pass through); `calls` lists `METHOD /path` of what reached it.
 */
export function useUpstreamAgainstEmulator(origin: string, options?: EmulatorOptions) {
  const original = globalThis.fetch
  const harness = { emulator: undefined as unknown as Emulator, calls: [] as string[] }
  beforeEach(() => {
    harness.emulator = createEmulator(options)
    harness.calls.length = 0
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init)
      if (!request.url.startsWith(origin)) return original(input, init)
      harness.calls.push(`${request.method} ${new URL(request.url).pathname}`)
      return harness.emulator.fetch(request)
    }) as typeof fetch
  })
  afterEach(() => {
    globalThis.fetch = original
  })
  const upstreamServer = (customerExternalId: string) =>
    new UpstreamServer({
      customerExternalId,
      getCustomerDetails: async () => ({ name: 'Up Stream', email: 'up@example.test' }),
      apiKey: UPSTREAM_API_KEY,
      baseURL: origin,
    })
  return { harness, upstreamServer }
}
