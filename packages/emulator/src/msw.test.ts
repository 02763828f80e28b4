import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator } from './index.js'
import { flowgladHandlers } from './msw.js'

describe('flowgladHandlers', () => {
  const emulator = createEmulator()
  const server = setupServer(
    ...flowgladHandlers(emulator, { baseUrl: 'https://app.flowglad.com/' }),
  )
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  it('answers Flowglad API calls from the emulator', async () => {
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
  })
})
