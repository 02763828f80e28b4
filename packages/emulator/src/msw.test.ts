import Flowglad from '@flowglad/node'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator } from './index.js'
import { flowgladHandlers } from './msw.js'

// One msw server per file; each test routes it into its own emulator with `server.use`.
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('flowgladHandlers', () => {
  it('answers Flowglad API calls from the emulator', async () => {
    const emulator = createEmulator()
    server.use(...flowgladHandlers(emulator, { baseUrl: 'https://app.flowglad.com/' }))
    const res = await fetch('https://app.flowglad.com/api/v1/customers', {
      method: 'POST',
      headers: { authorization: 'sk_test_msw', 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { externalId: 'm1', email: 'm@x.com', name: 'M' } }),
    })
    expect(res.status).toBe(200)
    expect((await res.json()).data.customer.externalId).toBe('m1')
    expect(emulator.state.tables.customers.size).toBe(1)
    const missing = await fetch('https://app.flowglad.com/api/v1/customers/nobody', {
      headers: { authorization: 'sk_test_msw' },
    })
    expect(missing.status).toBe(404)
    // Other origins are not intercepted (msw reports them as unhandled).
    await expect(fetch('https://elsewhere.test/api/v1/customers')).rejects.toThrow()
  })

  it('lets an SDK client (default base URL, global fetch) bill usage with no port', async () => {
    const emulator = createEmulator({ now: Date.UTC(2026, 0, 1) })
    server.use(...flowgladHandlers(emulator))
    const flowglad = new Flowglad({ apiKey: 'sk_test_msw' })
    const created = await flowglad.customers.create({
      customer: { externalId: 'msw_user', email: 'u@x.com', name: 'U' },
    })
    const subscriptionId = created.data.subscription?.id ?? ''
    await flowglad.usageEvents.create({
      usageEvent: {
        subscriptionId,
        priceSlug: 'api_calls',
        amount: 250,
        transactionId: 'msw-1',
      },
    })
    emulator.clock.advance(32 * 86_400_000)
    const billing = await flowglad.customers.retrieveBilling('msw_user')
    const [invoice] = billing.invoices
    expect(invoice?.invoiceLineItems.map((l) => [l.price, l.quantity])).toEqual([
      [0, 1],
      [1, 3],
    ])
  })
})
