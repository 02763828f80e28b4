import { describe, expect, it } from 'vitest'
import { BASE, KEY, newCustomer, setup, T0, txn } from '../test/helpers.js'
import { createEmulator, type Emulator } from './emulator.js'
import { EmulatorConnectionReset } from './faults.js'
import { startEmulator } from './node.js'

function usageRequest(subscriptionId: string, fault?: string, signal?: AbortSignal): Request {
  return new Request(`${BASE}/usage-events`, {
    method: 'POST',
    headers: {
      authorization: KEY,
      'content-type': 'application/json',
      ...(fault ? { 'x-emulator-fault': fault } : {}),
    },
    body: JSON.stringify({
      usageEvent: { subscriptionId, amount: 5, transactionId: txn(), usageMeterSlug: 'api_calls' },
    }),
    signal,
  })
}

async function subscribed(emulator: Emulator, externalId = 'f1'): Promise<string> {
  const { subscriptionId } = await newCustomer(
    {
      post: async (path: string, body?: unknown) => {
        const res = await emulator.fetch(
          new Request(`${BASE}${path}`, {
            method: 'POST',
            headers: { authorization: KEY },
            body: JSON.stringify(body),
          }),
        )
        return { status: res.status, body: await res.json(), text: '', headers: res.headers }
      },
    } as Parameters<typeof newCustomer>[0],
    externalId,
  )
  return subscriptionId
}

const stored = (emulator: Emulator) => emulator.state.tables.usageEvents.size

describe('X-Emulator-Fault', () => {
  it.each([
    ['500', 500, 'INTERNAL_SERVER_ERROR'],
    ['503', 503, 'SERVICE_UNAVAILABLE'],
    ['429', 429, 'TOO_MANY_REQUESTS'],
  ])('%s answers that status and stores nothing', async (mode, status, code) => {
    const { emulator } = setup()
    const sub = await subscribed(emulator)
    const res = await emulator.fetch(usageRequest(sub, mode))
    expect(res.status).toBe(status)
    expect((await res.json()).code).toBe(code)
    expect(res.headers.get('retry-after')).toBe(mode === '429' ? '1' : null)
    expect(stored(emulator)).toBe(0)
    expect((await emulator.fetch(usageRequest(sub))).status).toBe(200)
    expect(stored(emulator)).toBe(1)
  })

  it('malformed-json answers 200 with a body that is not JSON, and stores nothing', async () => {
    const { emulator } = setup()
    const sub = await subscribed(emulator)
    const res = await emulator.fetch(usageRequest(sub, 'malformed-json'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    await expect(res.json()).rejects.toThrow(SyntaxError)
    expect(stored(emulator)).toBe(0)
  })

  it('reset rejects like a network failure (in-process), and stores nothing', async () => {
    const { emulator } = setup()
    const sub = await subscribed(emulator)
    const outcome = emulator.fetch(usageRequest(sub, 'reset'))
    await expect(outcome).rejects.toBeInstanceOf(EmulatorConnectionReset)
    await expect(outcome).rejects.toBeInstanceOf(TypeError)
    expect(stored(emulator)).toBe(0)
  })

  it('timeout never answers until the request is aborted, and stores nothing', async () => {
    const { emulator } = setup()
    const sub = await subscribed(emulator)
    const controller = new AbortController()
    const outcome = emulator.fetch(usageRequest(sub, 'timeout', controller.signal))
    const first = await Promise.race([
      outcome.then(
        () => 'settled',
        () => 'settled',
      ),
      new Promise((resolve) => setTimeout(() => resolve('pending'), 30)),
    ])
    expect(first).toBe('pending')
    controller.abort()
    await expect(outcome).rejects.toMatchObject({ name: 'AbortError' })
    expect(stored(emulator)).toBe(0)
  })

  it('timeout still answers the abort after garbage collection', async () => {
    const collect = (globalThis as { gc?: () => void }).gc
    if (!collect) throw new Error('run with --expose-gc (vitest.config.ts sets it)')
    const { emulator } = setup()
    const controller = new AbortController()
    // Nothing here keeps the Request: only the emulator can.
    const outcome = emulator.fetch(usageRequest('sub_x', 'timeout', controller.signal))
    outcome.catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 10))
    collect()
    await new Promise((resolve) => setTimeout(resolve, 10))
    collect()
    controller.abort()
    await expect(outcome).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('an unknown fault name is a 400 naming the valid ones', async () => {
    const { emulator } = setup()
    const sub = await subscribed(emulator)
    const res = await emulator.fetch(usageRequest(sub, 'explode'))
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body).toEqual({
      error: expect.stringMatching(/500, 503, 429, timeout, reset, malformed-json/),
      code: 'BAD_REQUEST',
      request_id: res.headers.get('x-request-id'),
    })
    expect(body.request_id).toMatch(/^[0-9A-Za-z]{8}$/)
    expect(stored(emulator)).toBe(0)
  })

  it('is ignored on unauthenticated requests (they stay 401)', async () => {
    const { emulator } = setup()
    const res = await emulator.fetch(
      new Request(`${BASE}/usage-meters`, { headers: { 'x-emulator-fault': '500' } }),
    )
    expect(res.status).toBe(401)
  })

  it('over HTTP: every mode; reset destroys the socket, timeout holds it until the client gives up', async () => {
    const running = await startEmulator({ port: 0, host: '127.0.0.1', now: T0 })
    try {
      const sub = await subscribed(running.emulator)
      const post = (fault: string, signal?: AbortSignal) =>
        fetch(`${running.url}/api/v1/usage-events`, {
          method: 'POST',
          headers: { authorization: KEY, 'x-emulator-fault': fault },
          body: JSON.stringify({
            usageEvent: {
              subscriptionId: sub,
              amount: 1,
              transactionId: txn(),
              usageMeterSlug: 'api_calls',
            },
          }),
          signal,
        })
      await expect(post('reset')).rejects.toThrow(/fetch failed/)
      const controller = new AbortController()
      const hanging = post('timeout', controller.signal)
      setTimeout(() => controller.abort(), 50)
      await expect(hanging).rejects.toMatchObject({ name: 'AbortError' })
      for (const [mode, status, code] of [
        ['500', 500, 'INTERNAL_SERVER_ERROR'],
        ['503', 503, 'SERVICE_UNAVAILABLE'],
        ['429', 429, 'TOO_MANY_REQUESTS'],
      ] as const) {
        const res = await post(mode)
        expect(res.status).toBe(status)
        expect(res.headers.get('retry-after')).toBe(mode === '429' ? '1' : null)
        expect((await res.json()).code).toBe(code)
      }
      const malformed = await post('malformed-json')
      expect(malformed.status).toBe(200)
      expect(malformed.headers.get('content-type')).toContain('application/json')
      await expect(malformed.json()).rejects.toThrow(SyntaxError)
      expect(stored(running.emulator)).toBe(0)
      // The server is still healthy afterwards.
      const ok = await fetch(`${running.url}/api/v1/usage-meters`, {
        headers: { authorization: KEY },
      })
      expect(ok.status).toBe(200)
    } finally {
      await running.close()
    }
  })
})

describe('random faults', () => {
  async function outcomes(faultSeed: number, count: number): Promise<string[]> {
    const emulator = createEmulator({ now: T0, faultRate: 0.3, faultSeed })
    const out: string[] = []
    for (let i = 0; i < count; i++) {
      const res = emulator.fetch(
        new Request(`${BASE}/usage-meters`, { headers: { authorization: KEY } }),
      )
      out.push(
        await res.then(
          async (r) => {
            if (r.status !== 200) return String(r.status)
            try {
              await r.json()
              return 'ok'
            } catch {
              return 'malformed-json'
            }
          },
          () => 'reset',
        ),
      )
    }
    return out
  }

  it('fails about that share of requests, reproducibly from the seed', async () => {
    const a = await outcomes(7, 200)
    const b = await outcomes(7, 200)
    const c = await outcomes(8, 200)
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
    const failed = a.filter((o) => o !== 'ok').length
    expect(failed).toBeGreaterThan(30)
    expect(failed).toBeLessThan(90)
    expect(new Set(a)).toEqual(new Set(['ok', '500', '503', '429', 'reset', 'malformed-json']))
  })

  it('never half-applies a write: an event is stored if and only if it was acknowledged', async () => {
    const emulator = createEmulator({ now: T0, faultRate: 0.5, faultSeed: 3 })
    // The customer is created with retries too, since any request may fail.
    let sub: string | undefined
    while (!sub) sub = await subscribed(emulator, 'rf').catch(() => undefined)
    let acknowledged = 0
    for (let i = 0; i < 100; i++) {
      const before = stored(emulator)
      const ok = await emulator.fetch(usageRequest(sub)).then(
        async (r) =>
          r.status === 200 &&
          (await r.json().then(
            () => true,
            () => false,
          )),
        () => false,
      )
      expect(stored(emulator)).toBe(before + (ok ? 1 : 0))
      if (ok) acknowledged++
    }
    expect(acknowledged).toBeGreaterThan(20)
    expect(acknowledged).toBeLessThan(80)
    expect(stored(emulator)).toBe(acknowledged)
  })

  it('rejects a rate outside 0..1', () => {
    expect(() => createEmulator({ faultRate: 1.5 })).toThrow(/faultRate/)
  })
})
