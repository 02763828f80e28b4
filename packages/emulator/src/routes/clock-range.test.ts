import { describe, expect, it } from 'vitest'
import { KEY, newCustomer, setup, T0 } from '../../test/helpers.js'
import { CLOCK_RANGE } from '../clock-range.js'
import { createEmulator, type Emulator } from '../emulator.js'

function moveClock(emulator: Emulator, body: unknown) {
  return emulator.fetch(
    new Request('http://emulator.local/_emulator/clock', {
      method: 'POST',
      headers: { authorization: KEY, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )
}

const YEAR_2036 = Date.UTC(2036, 0, 15)

describe('clock range', () => {
  it('refuses instants past the range with a 400, at once, and leaves the clock alone', async () => {
    const { api, emulator } = setup()
    await newCustomer(api, 'far1')
    for (const body of [
      { to: 8_640_000_000_000_001 },
      { to: 8.64e15 },
      { to: CLOCK_RANGE.max },
      { advanceMs: 3.15e13 },
    ]) {
      const res = await moveClock(emulator, body)
      expect(res.status).toBe(400)
      const error = await res.json()
      expect(error).toMatchObject({ code: 'BAD_REQUEST', request_id: expect.any(String) })
      expect(error.error).toMatch(/outside the supported range 2000-01-01T00:00:00\.000Z/)
    }
    expect(emulator.clock.now()).toBe(T0)
    expect(emulator.state.tables.invoices.size).toBe(0)
    const last = await moveClock(emulator, { to: CLOCK_RANGE.max - 1 })
    expect(last.status).toBe(200)
  })

  it('the JS API refuses them too (RangeError), as does a start time outside the range', () => {
    const { emulator } = setup()
    expect(() => emulator.clock.set(8.64e15)).toThrow(RangeError)
    expect(() => emulator.clock.advance(3.15e13)).toThrow(/outside the supported range/)
    expect(emulator.clock.now()).toBe(T0)
    expect(() => createEmulator({ now: 0 })).toThrow(RangeError)
    expect(() => createEmulator({ now: new Date(CLOCK_RANGE.max) })).toThrow(RangeError)
    expect(createEmulator({ now: CLOCK_RANGE.min }).clock.now()).toBe(CLOCK_RANGE.min)
  })

  it('a snapshot or a backdated subscription cannot move the clock outside it either', async () => {
    const { api, emulator } = setup()
    const { customer } = await newCustomer(api, 'far2')
    const snapshot = { ...emulator.exportState(), now: 8.64e15 }
    const put = await emulator.fetch(
      new Request('http://emulator.local/_emulator/state', {
        method: 'PUT',
        headers: { authorization: KEY },
        body: JSON.stringify(snapshot),
      }),
    )
    expect(put.status).toBe(400)
    expect(emulator.clock.now()).toBe(T0)
    const backdated = await api.post('/subscriptions', {
      customerId: customer.id,
      priceSlug: 'pro_monthly',
      startDate: -8.64e15,
    })
    expect(backdated.status).toBe(400)
    expect(backdated.body.error).toMatch(/Invalid startDate: .*outside the supported range/)
  })

  it('a ten-year move closes exactly one period per month for every subscription', async () => {
    const { api, emulator } = setup()
    const customers = 20
    for (let index = 0; index < customers; index++) await newCustomer(api, `ten_${index}`)
    const res = await moveClock(emulator, { to: YEAR_2036 })
    expect(res.status).toBe(200)
    const { tables } = emulator.state
    expect(tables.invoices.size).toBe(customers * 120)
    expect(tables.billingPeriods.size).toBe(customers * 121)
    const open = [...tables.billingPeriods.values()].filter((p) => p.status === 'active')
    expect(open).toHaveLength(customers)
    expect(open.every((p) => p.startDate === YEAR_2036 && p.index === 120)).toBe(true)
    const billing = (await api.get('/customers/ten_7/billing')).body
    expect(billing.invoices).toHaveLength(120)
    expect(billing.invoices.at(-1).invoice.invoiceNumber).toMatch(/-0120$/)
    // Each period's grant was issued, and what was left of it expired at its end.
    const balances = (await api.get('/customers/ten_7/usage-balances')).body.usageMeterBalances
    expect(balances.find((b: { slug: string }) => b.slug === 'ai_tokens').availableBalance).toBe(
      10_000,
    )
  })
})
