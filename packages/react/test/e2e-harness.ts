import { createEmulator, type Emulator } from '@flowglad/emulator'
import { createFlowgladHandler, FlowgladServer, FlowgladServerAdmin } from '@flowglad/server'

/** What the judge reads of a stored usage event. */
export interface StoredUsageEvent {
  id: string
  amount: number
  usageMeterId: string
  subscriptionId: string
  transactionId: string
}

export interface E2EHarness {
  emulator: Emulator
  fetch: (input: string, init: RequestInit) => Promise<Response>
  storedEvents: () => StoredUsageEvent[]
}

/**
 * The real route handler core in front of the in-process emulator, wired the way an app wires
 * them; `fetch` is what the browser client gets as its `fetch` option.
 */
export function createE2EHarness(options: { customerExternalId?: string | null } = {}): E2EHarness {
  const emulator = createEmulator()
  const emulatorFetch = (input: string | URL | Request, init?: RequestInit) =>
    emulator.fetch(new Request(input, init))
  const handler = createFlowgladHandler({
    // Signed-out hybrid requests (the default pricing model) go through the admin client.
    flowgladAdmin: () =>
      new FlowgladServerAdmin({
        apiKey: 'sk_test_x',
        baseURL: 'http://emulator.local',
        fetch: emulatorFetch,
      }),
    getCustomerExternalId: () =>
      options.customerExternalId === undefined ? 'user_a' : options.customerExternalId,
    flowglad: (id) =>
      new FlowgladServer({
        customerExternalId: id,
        getCustomerDetails: async () => ({ name: 'A', email: 'a@x.test' }),
        apiKey: 'sk_test_x',
        baseURL: 'http://emulator.local',
        fetch: emulatorFetch,
      }),
  })
  const fetch = (input: string, init: RequestInit) =>
    handler(new Request(new URL(input, 'http://app.local'), init))
  /** The judge: every usage event the emulator stored. */
  const storedEvents = () => [...emulator.state.tables.usageEvents.values()]
  return { emulator, fetch, storedEvents }
}
