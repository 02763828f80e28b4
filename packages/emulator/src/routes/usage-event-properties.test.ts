import { usagePropertiesLimits } from '@flowglad/shared'
import { describe, expect, it } from 'vitest'
import { KEY, newCustomer, setup, txn } from '../../test/helpers.js'
import { stableStringify } from '../store/state.js'

/** `{ a: { a: … { leaf: true } } }`, `levels` objects deep (the outer one counts as 1). */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true }
  for (let level = 1; level < levels; level++) value = { a: value }
  return value
}

/** The same nesting as JSON text, for depths `JSON.stringify` itself could not write. */
const nestedJson = (levels: number) =>
  `${'{"a":'.repeat(levels - 1)}{"leaf":true}${'}'.repeat(levels - 1)}`

/** `body` as JSON text with the string "DEEP" replaced by `levels`-deep properties. */
const withDeep = (body: unknown, levels: number) =>
  JSON.stringify(body).replace('"DEEP"', nestedJson(levels))

const event = (subscriptionId: string, usageMeterSlug: string, properties: unknown) => ({
  subscriptionId,
  amount: 1,
  transactionId: txn(),
  usageMeterSlug,
  properties,
})

async function everythingStillAnswers(emulator: ReturnType<typeof setup>['emulator']) {
  const dashboard = await emulator.fetch(new Request(`http://emulator.local/?key=${KEY}`))
  expect(dashboard.status).toBe(200)
  expect(() => emulator.exportState()).not.toThrow()
  const state = await emulator.fetch(
    new Request('http://emulator.local/_emulator/state', { headers: { authorization: KEY } }),
  )
  expect(state.status).toBe(200)
  return JSON.parse(await state.text())
}

describe('usage event properties: checked before anything is written', () => {
  it('5,000-deep properties are a 400 with the API error shape, and nothing is stored', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'deep1')
    for (const meter of ['ai_tokens', 'active_users']) {
      const body = withDeep({ usageEvent: event(subscriptionId, meter, 'DEEP') }, 5_000)
      const res = await api.call('POST', '/usage-events', undefined, body)
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({ code: 'BAD_REQUEST', request_id: expect.any(String) })
      expect(res.body.error[0].path.slice(0, 2)).toEqual(['usageEvent', 'properties'])
      expect(res.body.error[0].message).toMatch(/at most 32 levels/)
    }
    expect(emulator.state.tables.usageEvents.size).toBe(0)
    expect(emulator.state.indexes.distinctProperties.size).toBe(0)
    const balances = (await api.get('/customers/deep1/usage-balances')).body.usageMeterBalances
    expect(balances.find((b: { slug: string }) => b.slug === 'active_users')).toBeUndefined()
    const snapshot = await everythingStillAnswers(emulator)
    expect(snapshot.tables.usageEvents).toEqual([])
  })

  it('properties at the depth limit are stored and counted; one level more is refused', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'deep2')
    const deepest = nested(usagePropertiesLimits.maxDepth)
    for (let i = 0; i < 2; i++) {
      const ok = await api.post('/usage-events', {
        usageEvent: event(subscriptionId, 'active_users', deepest),
      })
      expect(ok.status).toBe(200)
    }
    const tooDeep = nested(usagePropertiesLimits.maxDepth + 1)
    const refused = await api.post('/usage-events', {
      usageEvent: event(subscriptionId, 'active_users', tooDeep),
    })
    expect(refused.status).toBe(400)
    const balances = (await api.get('/customers/deep2/usage-balances')).body.usageMeterBalances
    const users = balances.find((b: { slug: string }) => b.slug === 'active_users')
    expect(users.availableBalance).toBe(-1) // two identical sets count once
    await everythingStillAnswers(emulator)
  })

  it('refuses properties larger than the size limit', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'big1')
    const big = { blob: 'x'.repeat(usagePropertiesLimits.maxBytes) }
    const res = await api.post('/usage-events', {
      usageEvent: event(subscriptionId, 'ai_tokens', big),
    })
    expect(res.status).toBe(400)
    expect(res.body.error[0].message).toMatch(/bytes/)
    expect(emulator.state.tables.usageEvents.size).toBe(0)
  })

  it('bulk: one deep event refuses the whole request and names its index', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'deep3')
    const usageEvents = [
      event(subscriptionId, 'ai_tokens', { ok: 1 }),
      event(subscriptionId, 'active_users', { user: 'u1' }),
      event(subscriptionId, 'active_users', 'DEEP'),
    ]
    const res = await api.call(
      'POST',
      '/usage-events/bulk',
      undefined,
      withDeep({ usageEvents }, 5_000),
    )
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('BAD_REQUEST')
    expect(res.body.error[0].path.slice(0, 3)).toEqual(['usageEvents', 2, 'properties'])
    expect(res.body.error[0].message).toContain('(index 2)')
    expect(emulator.state.tables.usageEvents.size).toBe(0)
    await everythingStillAnswers(emulator)
  })

  it('a snapshot carrying deep properties is refused on import, and the state is kept', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'deep4')
    await api.post('/usage-events', { usageEvent: event(subscriptionId, 'ai_tokens', { a: 1 }) })
    const before = emulator.exportState()
    // Built as text: the point is a file someone edited, not an object the test could build.
    const text = JSON.stringify(before).replace(
      '"properties":{"a":1}',
      `"properties":${nestedJson(5_000)}`,
    )
    expect(text.length).toBeGreaterThan(JSON.stringify(before).length)
    const put = await emulator.fetch(
      new Request('http://emulator.local/_emulator/state', {
        method: 'PUT',
        headers: { authorization: KEY },
        body: text,
      }),
    )
    expect(put.status).toBe(400)
    expect((await put.json()).error[0].path.slice(0, 4)).toEqual([
      'tables',
      'usageEvents',
      0,
      'properties',
    ])
    expect(emulator.exportState()).toEqual(before)
  })

  it('canonical keys for distinct counting never recurse (100,000 levels)', () => {
    let deep: unknown = 1
    for (let level = 0; level < 100_000; level++) deep = { b: deep, a: [level] }
    const text = stableStringify(deep)
    expect(text.startsWith('{"a":[99999],"b":{"a":[99998],')).toBe(true)
    expect(stableStringify({ b: 1, a: [undefined, { d: 1, c: 2 }] })).toBe(
      '{"a":[null,{"c":2,"d":1}],"b":1}',
    )
  })
})
