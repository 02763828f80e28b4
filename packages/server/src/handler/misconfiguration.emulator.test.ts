import { createEmulator } from '@flowglad/emulator'
import { describe, expect, it, vi } from 'vitest'
import { createEmulatorApp } from '../../test/handler/emulator-app.js'
import { FlowgladServer } from '../server/flowglad-server.js'

// The app's own configuration errors are its bugs: 500 internal_error, the reason only in
// onError, nothing of it in the browser's answer (review: "blamed on the client").
function appWith(options: { details?: () => unknown; ttl?: number }) {
  const onError = vi.fn()
  const emulator = createEmulator()
  const details = options.details ?? (() => ({ name: 'A', email: 'a@example.test' }))
  const app = createEmulatorApp(
    {
      onError,
      flowglad: (customerExternalId) =>
        new FlowgladServer({
          customerExternalId,
          getCustomerDetails: details as () => { name: string; email: string },
          ownershipCacheTtlMs: options.ttl,
          apiKey: 'sk_test_handler',
          baseURL: 'http://misconfigured.local',
          fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
            emulator.fetch(new Request(input, init))) as typeof fetch,
          maxRetries: 0,
        }),
    },
    emulator,
  )
  return { app, emulator, onError }
}

function expectHiddenInternalError(answer: { status: number; error: unknown; data: unknown }) {
  expect(answer.status).toBe(500)
  expect(answer.data).toBeNull()
  expect(answer.error).toEqual({
    code: 'internal_error',
    json: { message: 'Internal server error' },
  })
}

describe('server misconfiguration', () => {
  it('ownershipCacheTtlMs NaN: 500 internal_error, reason in onError only', async () => {
    const { app, onError } = appWith({ ttl: Number.NaN })
    const answer = await app.call('user_a', 'customers/billing')
    expectHiddenInternalError(answer)
    expect(JSON.stringify(answer)).not.toContain('ownershipCacheTtlMs')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({
      code: 'internal_error',
      message: expect.stringContaining('ownershipCacheTtlMs'),
    })
  })

  it.each([
    ['an invalid email', () => ({ name: 'A', email: 'not-an-email' })],
    ['no email at all', () => ({ name: 'A' })],
  ])('getCustomerDetails returning %s: 500, no customer created', async (_name, details) => {
    const { app, onError, emulator } = appWith({ details })
    const answer = await app.call('user_a', 'customers/billing')
    expectHiddenInternalError(answer)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({
      code: 'internal_error',
      message: expect.stringContaining('getCustomerDetails'),
    })
    expect(emulator.state.tables.customers.size).toBe(0)
  })
})
