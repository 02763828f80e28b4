import { describe, expect, it } from 'vitest'
import { client, KEY, setup, T0 } from '../../test/helpers.js'
import { resourceSeed, seatCustomer } from '../../test/resource-seed.js'
import { startEmulator } from '../node.js'

const REQUESTS = 50
const LAST_UNITS = 10

/** Team × 4 = 20 seats, 10 of them already claimed: 10 left. */
async function nearlyFull(api: ReturnType<typeof client>): Promise<string> {
  const sub = await seatCustomer(api, 'busy', 'team_monthly', 4)
  const res = await api.post(`/resource-claims/${sub}/claim`, {
    resourceSlug: 'seats',
    quantity: 10,
  })
  if (res.status !== 200) throw new Error(res.text)
  return sub
}

const claimBody = (i: number) =>
  JSON.stringify(
    i % 2 === 0
      ? { resourceSlug: 'seats', externalId: `user_${i}` }
      : { resourceSlug: 'seats', quantity: 1 },
  )

function tally(statuses: number[], claimed: number) {
  return {
    granted: statuses.filter((s) => s === 200).length,
    refused: statuses.filter((s) => s === 400).length,
    claimed,
  }
}

describe('resource claims are atomic', () => {
  it(`grants exactly ${LAST_UNITS} of ${REQUESTS} concurrent in-process claims`, async () => {
    const { emulator, api } = setup({ seed: resourceSeed })
    const sub = await nearlyFull(api)
    const responses = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        emulator.fetch(
          new Request(`http://emulator.local/api/v1/resource-claims/${sub}/claim`, {
            method: 'POST',
            headers: { authorization: KEY, 'content-type': 'application/json' },
            body: claimBody(i),
          }),
        ),
      ),
    )
    const usage = await api.get(`/resource-claims/${sub}/usage?resourceSlug=seats`)
    expect(
      tally(
        responses.map((r) => r.status),
        usage.body.usage.claimed,
      ),
    ).toEqual({
      granted: LAST_UNITS,
      refused: REQUESTS - LAST_UNITS,
      claimed: 20,
    })
  })

  it(`grants exactly ${LAST_UNITS} of ${REQUESTS} concurrent claims over HTTP`, async () => {
    const running = await startEmulator({ port: 0, host: '127.0.0.1', seed: resourceSeed, now: T0 })
    try {
      const api = client(running.emulator)
      const sub = await nearlyFull(api)
      const statuses = await Promise.all(
        Array.from({ length: REQUESTS }, async (_, i) => {
          const res = await fetch(`${running.url}/api/v1/resource-claims/${sub}/claim`, {
            method: 'POST',
            headers: { authorization: KEY, 'content-type': 'application/json' },
            body: claimBody(i),
          })
          await res.arrayBuffer()
          return res.status
        }),
      )
      const usage = await api.get(`/resource-claims/${sub}/usage?resourceSlug=seats`)
      expect(tally(statuses, usage.body.usage.claimed)).toEqual({
        granted: LAST_UNITS,
        refused: REQUESTS - LAST_UNITS,
        claimed: 20,
      })
    } finally {
      await running.close()
    }
  })
})
