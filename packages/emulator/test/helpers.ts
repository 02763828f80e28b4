import { createEmulator, type Emulator, type EmulatorOptions } from '../src/index.js'
import { checkedFetch } from './openapi.js'

export const KEY = 'sk_test_emulator_key'
export const BASE = 'http://emulator.local/api/v1'

export interface Reply {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: test helper returns arbitrary JSON for assertions
  body: any
  text: string
  headers: Headers
}

/** A tiny JSON client for an in-process emulator. */
export function client(emulator: Emulator, key: string | null = KEY) {
  async function call(method: string, path: string, body?: unknown, raw?: string): Promise<Reply> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (key !== null) headers.authorization = key
    const res = await emulator.fetch(
      new Request(`${BASE}${path}`, {
        method,
        headers,
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      }),
    )
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // plain-text body
    }
    return { status: res.status, body: parsed, text, headers: res.headers }
  }
  return {
    call,
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
    put: (path: string, body?: unknown) => call('PUT', path, body),
  }
}

export type Client = ReturnType<typeof client>

/** 2026-01-15T00:00:00Z: a fixed start so period boundaries are predictable. */
export const T0 = Date.UTC(2026, 0, 15)
export const DAY = 86_400_000

/**
 * An emulator frozen at T0. Unless it injects random faults, its `fetch` validates every 2xx
 * `/api/v1` response against the OpenAPI spec (see `checkedFetch`), so every test that goes
 * through it is also a conformance test.
 */
export function setup(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ now: T0, ...options })
  if (!options.faultRate) emulator.fetch = checkedFetch(emulator.fetch.bind(emulator))
  return { emulator, api: client(emulator) }
}

/** Creates a customer and returns it with its free-plan subscription id. */
export async function newCustomer(api: Client, externalId: string) {
  const res = await api.post('/customers', {
    customer: { externalId, email: `${externalId}@example.com`, name: externalId },
  })
  if (res.status !== 200) throw new Error(`customer create failed: ${res.text}`)
  return {
    customer: res.body.data.customer,
    subscriptionId: res.body.data.subscription.id as string,
  }
}

let counter = 0
export const txn = (label = 'tx') => `${label}_${++counter}_${Math.random().toString(36).slice(2)}`
