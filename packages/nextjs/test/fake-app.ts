import { createEmulator } from '@flowglad/emulator'
import { FlowgladServer } from '@flowglad/server'

/** A real FlowgladServer for `id` on an in-process emulator, plus its API call log. */
export function emulatorBackedFlowglad() {
  const emulator = createEmulator()
  const apiCalls: string[] = []
  const apiFetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    apiCalls.push(`${request.method} ${new URL(request.url).pathname}`)
    return emulator.fetch(request)
  }
  const flowglad = (customerExternalId: string) =>
    new FlowgladServer({
      customerExternalId,
      getCustomerDetails: (id) => ({ name: `User ${id}`, email: `${id}@example.test` }),
      apiKey: 'sk_test_nextjs',
      baseURL: 'http://emulator-nextjs.local',
      fetch: apiFetch as typeof fetch,
      maxRetries: 0,
    })
  return { emulator, flowglad, apiCalls }
}
