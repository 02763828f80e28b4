import { describe, expect, it } from 'vitest'
import { KEY, setup } from '../../test/helpers.js'
import { resourceSeed, seatCustomer } from '../../test/resource-seed.js'

describe('dashboard: resources', () => {
  it("shows a current subscription's claimed, capacity and available units", async () => {
    const { api, emulator } = setup({ seed: resourceSeed })
    const sub = await seatCustomer(api, 'dash_seats')
    await api.post(`/resource-claims/${sub}/claim`, {
      resourceSlug: 'seats',
      externalIds: ['u1', 'u2'],
    })
    const res = await emulator.fetch(new Request(`http://emulator.local/?key=${KEY}`))
    const body = await res.text()
    const row = body.slice(body.indexOf(`data-subscription="${sub}"`))
    const seats = row.slice(
      row.indexOf('data-resource="seats"'),
      row.indexOf('</tr>', row.indexOf('data-resource="seats"')),
    )
    expect(seats).toContain('data-field="claimed">2<')
    expect(seats).toContain('data-field="capacity">5<')
    expect(seats).toContain('data-field="available">3<')
  })
})
