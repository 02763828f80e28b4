import { createEmulator } from '@flowglad/emulator'
import { FlowgladError } from '@flowglad/shared'
import { describe, expect, it, vi } from 'vitest'
import { createFakeFlowglad } from '../../test/handler/fake-flowglad.js'
import { RequestHandlerError, requestHandler } from './request-handler.js'

describe('requestHandler (upstream signature)', () => {
  const handle = requestHandler<{ user: string | null }>({
    getCustomerExternalId: (req) => req.user,
    flowglad: (id) => createFakeFlowglad(id),
  })

  it('takes { path, method, body } plus the framework request and returns { status, data }', async () => {
    const result = await handle(
      {
        path: ['usage-events', 'create'],
        method: 'POST',
        body: { usageMeterSlug: 'ai_tokens', amount: 2 },
      },
      { user: 'user_a' },
    )
    expect(result).toMatchObject({
      status: 200,
      data: { usageEvent: { amount: 2, subscriptionId: 'sub_own' } },
    })
    expect(result.error).toBeUndefined()
  })

  it('returns { status, error: { code, json } } on failure', async () => {
    expect(
      await handle({ path: ['customers', 'billing'], method: 'POST' }, { user: null }),
    ).toEqual({
      status: 401,
      error: {
        code: 'unauthenticated',
        json: { message: 'Not signed in: no customer for this request' },
      },
    })
    expect((await handle({ path: ['x'], method: 'POST', body: {} }, { user: 'u' })).status).toBe(
      404,
    )
    expect(
      (await handle({ path: ['customers', 'billing'], method: 'get' }, { user: 'u' })).status,
    ).toBe(405)
  })

  it('RequestHandlerError maps upstream statuses onto catalogue codes', () => {
    expect(new RequestHandlerError('nope', 404)).toMatchObject({ code: 'not_found', status: 404 })
    expect(new RequestHandlerError('bad')).toMatchObject({ code: 'validation_error', status: 400 })
    expect(new RequestHandlerError('odd', 418).code).toBe('internal_error')
    expect(new RequestHandlerError('x')).toBeInstanceOf(FlowgladError)
  })
})

describe('requestHandler: path first, and apiKey / baseURL for the hybrid route', () => {
  it('an unknown path is 404 before the customer is resolved', async () => {
    const getCustomerExternalId = vi.fn(() => 'user_a')
    const handle = requestHandler({ getCustomerExternalId, flowglad: createFakeFlowglad })
    const result = await handle({ path: ['nope'], method: 'POST', body: {} })
    expect([result.status, result.error?.code]).toEqual([404, 'not_found'])
    expect(getCustomerExternalId).not.toHaveBeenCalled()
  })

  it('signed out, pricing-models/retrieve reads the default model with apiKey at baseURL', async () => {
    const emulator = createEmulator()
    const seen: { url: string; authorization: string | null }[] = []
    const original = globalThis.fetch
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init)
      seen.push({ url: request.url, authorization: request.headers.get('authorization') })
      return emulator.fetch(request)
    }) as typeof fetch
    try {
      const handle = requestHandler({
        getCustomerExternalId: () => null,
        flowglad: createFakeFlowglad,
        apiKey: 'sk_test_hybrid',
        baseURL: 'http://hybrid-api.local',
      })
      const result = await handle({ path: ['pricing-models', 'retrieve'], method: 'POST' })
      expect(result).toMatchObject({ status: 200, data: { source: 'default' } })
      expect(seen).toEqual([
        {
          url: 'http://hybrid-api.local/api/v1/pricing-models/default',
          authorization: 'sk_test_hybrid',
        },
      ])
    } finally {
      globalThis.fetch = original
    }
  })
})
