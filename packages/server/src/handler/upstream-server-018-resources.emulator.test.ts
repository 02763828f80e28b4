import { requestHandler as upstreamRequestHandler } from 'upstream-server'
import { describe, expect, it } from 'vitest'
import { resourceSeed, seatsUsage as seats } from '../../test/resource-seed.js'
import {
  UPSTREAM_API_KEY as API_KEY,
  useUpstreamAgainstEmulator,
} from '../../test/upstream-emulator.js'

// Upstream's own published 0.18 server pointed at our emulator: its five resource methods, and
// its resources/* routes, complete (before the emulator served them, each got 404 → 500).
const API_ORIGIN = 'http://emulator-upstream-resources.local'
const { harness, upstreamServer } = useUpstreamAgainstEmulator(API_ORIGIN, { seed: resourceSeed })
const calls = harness.calls

/** A customer whose only current subscription is Pro (seats granted). */
async function onPro(customerExternalId: string) {
  const server = upstreamServer(customerExternalId)
  await server.findOrCreateCustomer()
  await server.createSubscription({ priceSlug: 'pro_monthly' })
  const billing = await server.getBilling()
  expect(billing.currentSubscriptions).toHaveLength(1)
  return server
}

describe('upstream @flowglad/server 0.18 resources against our emulator', () => {
  it('completes getResourceUsages, getResourceUsage, claimResource, releaseResource, listResourceClaims', async () => {
    const server = await onPro('user_up')
    expect((await server.getResourceUsages()).resources).toEqual([
      expect.objectContaining(seats(0)),
    ])

    const claimed = await server.claimResource({ resourceSlug: 'seats', externalId: 'teammate_1' })
    expect(claimed.usage).toMatchObject(seats(1))
    await server.claimResource({ resourceSlug: 'seats', externalIds: ['teammate_2'] })
    await server.claimResource({ resourceSlug: 'seats', quantity: 1 })

    const usage = await server.getResourceUsage({ resourceSlug: 'seats' })
    expect(usage.usage).toMatchObject(seats(3))
    expect(usage.claims).toHaveLength(3)

    const listed = await server.listResourceClaims({ resourceSlug: 'seats' })
    expect(listed.claims.map((claim) => claim.externalId).sort()).toEqual([
      null,
      'teammate_1',
      'teammate_2',
    ])

    const released = await server.releaseResource({
      resourceSlug: 'seats',
      externalId: 'teammate_1',
    })
    expect(released.releasedClaims).toHaveLength(1)
    expect(released.usage).toMatchObject(seats(2))
    await server.releaseResource({ resourceSlug: 'seats', quantity: 1 })
    const rest = await server.listResourceClaims()
    await server.releaseResource({ resourceSlug: 'seats', claimIds: rest.claims.map((c) => c.id) })
    expect((await server.getResourceUsage({ resourceSlug: 'seats' })).usage).toMatchObject(seats(0))
    expect(calls.some((call) => call.includes('/resource-claims/'))).toBe(true)
  })

  it('its resources/* routes answer 200', async () => {
    await onPro('user_up')
    const handle = upstreamRequestHandler<{ user: string }>({
      getCustomerExternalId: async (req) => req.user,
      flowglad: async (id) => upstreamServer(id),
      apiKey: API_KEY,
      baseURL: API_ORIGIN,
    })
    const post = (path: string, body: object) =>
      handle({ path: path.split('/'), method: 'POST' as never, body }, { user: 'user_up' })
    const routes: [string, object][] = [
      ['resources/claim', { resourceSlug: 'seats', externalIds: ['a', 'b'] }],
      ['resources/release', { resourceSlug: 'seats', externalId: 'a' }],
      ['resources/usages', {}],
      ['resources/usages/retrieve', { resourceSlug: 'seats' }],
      ['resources/claims', { resourceSlug: 'seats' }],
    ]
    for (const [path, body] of routes) {
      const result = await post(path, body)
      expect([path, result.status]).toEqual([path, 200])
    }
    const usages = await post('resources/usages', {})
    expect(usages.data).toEqual({ resources: [expect.objectContaining(seats(1))] })
  })
})
