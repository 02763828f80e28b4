import { describe, expect, it } from 'vitest'
import { client, KEY, newCustomer, setup } from '../test/helpers.js'
import { createEmulator } from './index.js'

describe('transport', () => {
  it('accepts a raw key and a Bearer key', async () => {
    const { emulator } = setup()
    expect((await client(emulator, KEY).get('/pricing-models/default')).status).toBe(200)
    expect((await client(emulator, `Bearer ${KEY}`).get('/pricing-models/default')).status).toBe(
      200,
    )
  })

  it('rejects a missing, malformed or non-test key with 401 and a text body', async () => {
    const { emulator } = setup()
    for (const key of [
      null,
      '',
      'sk_live_abc',
      'Basic sk_test_abc',
      'sk_test_a sk_test_b',
      'Bearer',
    ]) {
      const res = await client(emulator, key).get('/pricing-models/default')
      expect(res.status, String(key)).toBe(401)
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(res.text).toBe('Unauthorized')
    }
  })

  it('accepts only the configured secretKey when one is given', async () => {
    const emulator = createEmulator({ secretKey: 'sk_test_only_this' })
    expect((await client(emulator, 'sk_test_only_this').get('/usage-meters')).status).toBe(200)
    expect((await client(emulator, 'sk_test_other').get('/usage-meters')).status).toBe(401)
  })

  it('answers unknown routes with a plain-text 404 Not Found', async () => {
    const { api } = setup()
    for (const path of ['/nope', '/customers/a/b/c', '/usage-events/bulk/extra']) {
      const res = await api.get(path)
      expect(res.status).toBe(404)
      expect(res.text).toBe('Not Found')
    }
    expect((await api.call('DELETE', '/customers/x')).text).toBe('Not Found')
  })

  it('routes on the path whatever the host', async () => {
    const { emulator } = setup()
    for (const host of [
      'http://localhost:9999',
      'https://api.example.com',
      'http://emulator.local',
    ]) {
      const res = await emulator.fetch(
        new Request(`${host}/api/v1/pricing-models/default`, { headers: { authorization: KEY } }),
      )
      expect(res.status).toBe(200)
    }
  })

  it('rejects a body that is not JSON with 400', async () => {
    const { api } = setup()
    const res = await api.call('POST', '/customers', undefined, '{"customer":')
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: 'Invalid JSON in request body', code: 'BAD_REQUEST' })
    const empty = await api.call('POST', '/usage-events', undefined, '')
    expect(empty.status).toBe(400)
  })

  it('sends errors as { error, code, request_id } and an X-Request-Id header', async () => {
    const { api } = setup()
    const res = await api.get('/customers/nobody')
    expect(res.status).toBe(404)
    expect(Object.keys(res.body).sort()).toEqual(['code', 'error', 'request_id'])
    expect(res.body.code).toBe('NOT_FOUND')
    expect(res.body.error).toBe('Customer with externalId nobody not found')
    expect(res.body.request_id).toMatch(/^[0-9A-Za-z]{8}$/)
    expect(res.headers.get('x-request-id')).toBe(res.body.request_id)
    const ok = await api.get('/pricing-models/default')
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9A-Za-z]{8}$/)
  })

  it('reports zod-like issues for invalid input', async () => {
    const { api } = setup()
    const res = await api.post('/customers', { customer: { email: 'a@b.c' } })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('BAD_REQUEST')
    expect(Array.isArray(res.body.error)).toBe(true)
    expect(res.body.error[0]).toMatchObject({ path: ['customer', 'name'] })
  })

  it('returns 409 CONFLICT for a duplicate externalId', async () => {
    const { api } = setup()
    await newCustomer(api, 'dup')
    const res = await api.post('/customers', {
      customer: { externalId: 'dup', email: 'x@example.com', name: 'x' },
    })
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('CONFLICT')
  })

  it('reset() drops all state and reloads the seed', async () => {
    const { emulator, api } = setup()
    await newCustomer(api, 'gone')
    emulator.reset()
    expect((await api.get('/customers/gone')).status).toBe(404)
    expect((await api.get('/pricing-models/default')).body.pricingModel.name).toBe('Demo')
  })
})
