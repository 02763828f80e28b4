import { describe, expect, it } from 'vitest'
import { type Client, DAY, newCustomer, setup } from '../../test/helpers.js'
import { resourceSeed, seatCustomer } from '../../test/resource-seed.js'

const start = () => setup({ seed: resourceSeed })

function claimsApi(api: Client, sub: string) {
  const base = `/resource-claims/${sub}`
  return {
    claim: (body: Record<string, unknown>) => api.post(`${base}/claim`, body),
    release: (body: Record<string, unknown>) => api.post(`${base}/release`, body),
    usage: (query: string) => api.get(`${base}/usage?${query}`),
    usages: (query = '') => api.get(`${base}/usages${query}`),
    claims: (query = '') => api.get(`${base}/claims${query}`),
  }
}

/** One call of each of the five actions on `sub`. */
const everyAction = (api: Client, sub: string) => {
  const on = claimsApi(api, sub)
  return Promise.all([
    on.claim({ resourceSlug: 'seats', quantity: 1 }),
    on.release({ resourceSlug: 'seats', externalId: 'kept' }),
    on.usage('resourceSlug=seats'),
    on.usages(),
    on.claims(),
  ])
}

describe('resource claims: claiming', () => {
  it('claims by quantity, reports usage and lists the claims', async () => {
    const { api } = start()
    const sub = await seatCustomer(api, 'q1')
    const seats = claimsApi(api, sub)
    const res = await seats.claim({ resourceSlug: 'seats', quantity: 3, metadata: { team: 'a' } })
    expect(res.status, res.text).toBe(200)
    expect(res.body.claims).toHaveLength(3)
    expect(res.body.claims[0]).toMatchObject({
      subscriptionId: sub,
      externalId: null,
      releasedAt: null,
      expiredAt: null,
      metadata: { team: 'a' },
    })
    expect(res.body.usage).toMatchObject({ resourceSlug: 'seats', capacity: 5, claimed: 3 })
    expect(res.body.usage.available).toBe(2)
    const usage = await seats.usage('resourceSlug=seats')
    expect(usage.body.usage).toMatchObject({ capacity: 5, claimed: 3, available: 2 })
    expect(usage.body.claims).toHaveLength(3)
    const byId = await seats.usage(`resourceId=${res.body.usage.resourceId}&subscriptionId=${sub}`)
    expect(byId.status, byId.text).toBe(200)
    expect(byId.body.usage.claimed).toBe(3)
    expect((await seats.claims()).body.claims).toHaveLength(3)
    expect((await seats.claims('?resourceSlug=projects')).body.claims).toEqual([])
  })

  it('is idempotent by external id: the same id twice holds one unit', async () => {
    const { api } = start()
    const sub = await seatCustomer(api, 'e1')
    const seats = claimsApi(api, sub)
    const first = await seats.claim({ resourceSlug: 'seats', externalId: 'user_1' })
    expect(first.status, first.text).toBe(200)
    const again = await seats.claim({ resourceSlug: 'seats', externalId: 'user_1' })
    expect(again.body.claims.map((c: { id: string }) => c.id)).toEqual([first.body.claims[0].id])
    expect(again.body.usage.claimed).toBe(1)
    const many = await seats.claim({
      resourceSlug: 'seats',
      externalIds: ['user_1', 'user_2', 'user_2', 'user_3'],
    })
    expect(many.status, many.text).toBe(200)
    expect(many.body.claims.map((c: { externalId: string }) => c.externalId)).toEqual([
      'user_1',
      'user_2',
      'user_3',
    ])
    expect(many.body.claims[0].id).toBe(first.body.claims[0].id)
    expect(many.body.usage).toMatchObject({ claimed: 3, available: 2 })
  })

  it('multiplies the feature amount by the item quantity', async () => {
    const { api } = start()
    const sub = await seatCustomer(api, 'm1', 'team_monthly', 3)
    const usages = await claimsApi(api, sub).usages()
    expect(usages.status, usages.text).toBe(200)
    const bySlug = Object.fromEntries(
      usages.body.map((u: { usage: { resourceSlug: string; capacity: number } }) => [
        u.usage.resourceSlug,
        u.usage.capacity,
      ]),
    )
    expect(bySlug).toEqual({ seats: 15, projects: 9, archived_thing: 3 })
    const filtered = await claimsApi(api, sub).usages('?resourceSlugs=projects,seats')
    expect(
      filtered.body.map((u: { usage: { resourceSlug: string } }) => u.usage.resourceSlug),
    ).toEqual(['projects', 'seats'])
  })

  it('refuses a claim past capacity and stores nothing (all or nothing for external ids)', async () => {
    const { api, emulator } = start()
    const sub = await seatCustomer(api, 'o1')
    const seats = claimsApi(api, sub)
    await seats.claim({ resourceSlug: 'seats', externalIds: ['a', 'b', 'c'] })
    const before = emulator.exportState()
    const over = await seats.claim({ resourceSlug: 'seats', externalIds: ['a', 'd', 'e', 'f'] })
    expect(over.status).toBe(400)
    expect(over.body.code).toBe('BAD_REQUEST')
    expect(over.body.error).toMatch(
      /Insufficient capacity: cannot claim 3 of resource seats; 3 of 5 claimed, 2 available/,
    )
    const tooMany = await seats.claim({ resourceSlug: 'seats', quantity: 3 })
    expect(tooMany.status).toBe(400)
    expect(emulator.exportState()).toEqual(before)
    // Exactly filling the capacity is fine.
    expect((await seats.claim({ resourceSlug: 'seats', quantity: 2 })).body.usage.available).toBe(0)
  })

  it('refuses claims on a resource the plan does not grant, an inactive one, or a free plan', async () => {
    const { api } = start()
    const { subscriptionId: free } = await newCustomer(api, 'f1')
    const none = await claimsApi(api, free).claim({ resourceSlug: 'seats', quantity: 1 })
    expect(none.status).toBe(400)
    expect(none.body.error).toMatch(/0 of 0 claimed/)
    expect((await claimsApi(api, free).usages()).body).toEqual([])
    const usage = await claimsApi(api, free).usage('resourceSlug=seats')
    expect(usage.body.usage).toMatchObject({ capacity: 0, claimed: 0, available: 0 })
    const sub = await seatCustomer(api, 'f2')
    const inactive = await claimsApi(api, sub).claim({
      resourceSlug: 'archived_thing',
      quantity: 1,
    })
    expect(inactive.status).toBe(400)
    expect(inactive.body.error).toMatch(/not active/)
  })
})

describe('resource claims: releasing', () => {
  it('releases by quantity (oldest anonymous first), external id(s) and claim ids', async () => {
    const { api } = start()
    const sub = await seatCustomer(api, 'r1', 'team_monthly', 2)
    const seats = claimsApi(api, sub)
    const anonymous = (await seats.claim({ resourceSlug: 'seats', quantity: 3 })).body.claims
    await seats.claim({ resourceSlug: 'seats', externalIds: ['u1', 'u2', 'u3', 'u4'] })

    const byQuantity = await seats.release({ resourceSlug: 'seats', quantity: 2 })
    expect(byQuantity.status, byQuantity.text).toBe(200)
    expect(byQuantity.body.releasedClaims.map((c: { id: string }) => c.id)).toEqual([
      anonymous[0].id,
      anonymous[1].id,
    ])
    expect(byQuantity.body.releasedClaims[0]).toMatchObject({ releaseReason: 'released' })
    expect(byQuantity.body.releasedClaims[0].releasedAt).toEqual(expect.any(Number))
    expect(byQuantity.body.usage).toMatchObject({ capacity: 10, claimed: 5, available: 5 })

    const byExternalId = await seats.release({ resourceSlug: 'seats', externalId: 'u1' })
    expect(
      byExternalId.body.releasedClaims.map((c: { externalId: string }) => c.externalId),
    ).toEqual(['u1'])
    // Releasing what is not held releases nothing (so a release can be repeated).
    const repeat = await seats.release({ resourceSlug: 'seats', externalIds: ['u1', 'u2', 'nope'] })
    expect(repeat.body.releasedClaims.map((c: { externalId: string }) => c.externalId)).toEqual([
      'u2',
    ])

    const byClaimId = await seats.release({ resourceSlug: 'seats', claimIds: [anonymous[2].id] })
    expect(byClaimId.body.releasedClaims.map((c: { id: string }) => c.id)).toEqual([
      anonymous[2].id,
    ])
    expect(byClaimId.body.usage.claimed).toBe(2)
    const listed = await seats.claims('?resourceSlug=seats')
    expect(listed.body.claims.map((c: { externalId: string }) => c.externalId)).toEqual([
      'u3',
      'u4',
    ])
  })

  it('refuses to release more anonymous claims than held, or foreign claim ids, changing nothing', async () => {
    const { api, emulator } = start()
    const sub = await seatCustomer(api, 'r2')
    const other = await seatCustomer(api, 'r3')
    const seats = claimsApi(api, sub)
    await seats.claim({ resourceSlug: 'seats', quantity: 1 })
    await seats.claim({ resourceSlug: 'seats', externalId: 'named' })
    const foreign = (await claimsApi(api, other).claim({ resourceSlug: 'seats', quantity: 1 })).body
      .claims[0].id
    const mine = (await seats.claims()).body.claims[0].id
    const before = emulator.exportState()
    const tooMany = await seats.release({ resourceSlug: 'seats', quantity: 2 })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.error).toMatch(
      /cannot release 2 anonymous claims of resource seats; 1 held/,
    )
    const notMine = await seats.release({ resourceSlug: 'seats', claimIds: [mine, foreign] })
    expect(notMine.status).toBe(404)
    expect(notMine.body.error).toContain(foreign)
    const wrongResource = await seats.release({ resourceSlug: 'projects', claimIds: [mine] })
    expect(wrongResource.status).toBe(404)
    expect(emulator.exportState()).toEqual(before)
  })
})

describe('resource claims: bad input and unknown ids', () => {
  it('answers 400 with issues for every malformed body or query', async () => {
    const { api } = start()
    const sub = await seatCustomer(api, 'b1')
    const seats = claimsApi(api, sub)
    const bad: [string, Promise<{ status: number; body: { code: string; error: unknown } }>][] = [
      ['no form', seats.claim({ resourceSlug: 'seats' })],
      ['two forms', seats.claim({ resourceSlug: 'seats', quantity: 1, externalId: 'x' })],
      ['zero quantity', seats.claim({ resourceSlug: 'seats', quantity: 0 })],
      ['fractional quantity', seats.claim({ resourceSlug: 'seats', quantity: 1.5 })],
      ['huge quantity', seats.claim({ resourceSlug: 'seats', quantity: 1_000_000 })],
      ['empty externalIds', seats.claim({ resourceSlug: 'seats', externalIds: [] })],
      ['long externalId', seats.claim({ resourceSlug: 'seats', externalId: 'x'.repeat(256) })],
      ['no slug', seats.claim({ quantity: 1 })],
      ['bad metadata', seats.claim({ resourceSlug: 'seats', quantity: 1, metadata: { a: {} } })],
      [
        'long metadata',
        seats.claim({ resourceSlug: 'seats', quantity: 1, metadata: { a: 'x'.repeat(501) } }),
      ],
      ['release no form', seats.release({ resourceSlug: 'seats' })],
      ['release two forms', seats.release({ resourceSlug: 'seats', quantity: 1, claimIds: ['c'] })],
      ['release empty claimIds', seats.release({ resourceSlug: 'seats', claimIds: [] })],
      ['usage without resource', seats.usage('')],
      ['usage with both', seats.usage('resourceSlug=seats&resourceId=r')],
      [
        'usages with 101 slugs',
        seats.usages(`?resourceSlugs=${Array(101).fill('seats').join(',')}`),
      ],
    ]
    for (const [name, pending] of bad) {
      const res = await pending
      expect(res.status, name).toBe(400)
      expect(res.body.code, name).toBe('BAD_REQUEST')
      if (!name.startsWith('usages')) expect(Array.isArray(res.body.error), name).toBe(true)
    }
    const notJson = await api.call('POST', `/resource-claims/${sub}/claim`, undefined, '{')
    expect(notJson.status).toBe(400)
  })

  it('answers 404 for an unknown subscription or resource on every action', async () => {
    const { api } = start()
    const sub = await seatCustomer(api, 'n1')
    for (const res of await everyAction(api, 'sub_nope')) {
      expect(res.status).toBe(404)
      expect(res.body.error).toBe('Subscription not found: sub_nope')
    }
    const seats = claimsApi(api, sub)
    for (const res of await Promise.all([
      seats.claim({ resourceSlug: 'nope', quantity: 1 }),
      seats.release({ resourceSlug: 'nope', quantity: 1 }),
      seats.usage('resourceSlug=nope'),
      seats.usage('resourceId=resource_nope'),
      seats.usages('?resourceSlugs=nope'),
      seats.claims('?resourceSlug=nope'),
    ])) {
      expect(res.status).toBe(404)
      expect(res.body.code).toBe('NOT_FOUND')
    }
  })
})

describe('resource claims: ownership', () => {
  it("hides another organisation's subscription (404 on every action, nothing changed)", async () => {
    const { api, emulator } = start()
    const sub = await seatCustomer(api, 'own1')
    await claimsApi(api, sub).claim({ resourceSlug: 'seats', externalId: 'kept' })
    const row = emulator.state.tables.subscriptions.get(sub)
    if (!row) throw new Error('no subscription')
    row.organizationId = 'org_someone_else'
    const before = emulator.exportState()
    for (const res of await everyAction(api, sub)) {
      expect(res.status).toBe(404)
      expect(res.body.error).toBe(`Subscription not found: ${sub}`)
    }
    expect(emulator.exportState()).toEqual(before)
  })
})

describe('resource claims: plan changes and cancellation', () => {
  it('refuses an adjustment that leaves fewer seats than claimed, and allows it once released', async () => {
    const { api } = start()
    const sub = await seatCustomer(api, 'a1')
    const seats = claimsApi(api, sub)
    await seats.claim({ resourceSlug: 'seats', externalIds: ['u1', 'u2', 'u3'] })
    const toSmall = {
      adjustment: { timing: 'immediately', newSubscriptionItems: [{ priceSlug: 'small_monthly' }] },
    }
    const refused = await api.post(`/subscriptions/${sub}/adjust`, toSmall)
    expect(refused.status).toBe(400)
    expect(refused.body.error).toMatch(
      /resource seats would have capacity 2 but 3 units are claimed; release 1 first/,
    )
    const preview = await api.post(`/subscriptions/${sub}/preview-adjust`, toSmall)
    expect(preview.body).toMatchObject({ canAdjust: false })
    expect(preview.body.reason).toMatch(/release 1 first/)
    expect((await seats.usage('resourceSlug=seats')).body.usage.capacity).toBe(5)

    await seats.release({ resourceSlug: 'seats', externalId: 'u3' })
    const adjusted = await api.post(`/subscriptions/${sub}/adjust`, toSmall)
    expect(adjusted.status, adjusted.text).toBe(200)
    expect((await seats.usage('resourceSlug=seats')).body.usage).toMatchObject({
      capacity: 2,
      claimed: 2,
      available: 0,
    })
    // An upgrade to 2 × team raises the capacity at once.
    const up = await api.post(`/subscriptions/${sub}/adjust`, {
      adjustment: {
        timing: 'immediately',
        newSubscriptionItems: [{ priceSlug: 'team_monthly', quantity: 2 }],
      },
    })
    expect(up.status, up.text).toBe(200)
    expect((await seats.usage('resourceSlug=seats')).body.usage.capacity).toBe(10)
  })

  it('holds new claims to a scheduled downgrade, which then takes effect at the period end', async () => {
    const { api, emulator } = start()
    const sub = await seatCustomer(api, 'a2')
    const seats = claimsApi(api, sub)
    await seats.claim({ resourceSlug: 'seats', quantity: 1 })
    const scheduled = await api.post(`/subscriptions/${sub}/adjust`, {
      adjustment: {
        timing: 'at_end_of_current_billing_period',
        newSubscriptionItems: [{ priceSlug: 'small_monthly' }],
      },
    })
    expect(scheduled.status, scheduled.text).toBe(200)
    expect((await seats.claim({ resourceSlug: 'seats', quantity: 1 })).status).toBe(200)
    const held = await seats.claim({ resourceSlug: 'seats', quantity: 1 })
    expect(held.status).toBe(400)
    expect(held.body.error).toMatch(/scheduled adjustment lowers its capacity to 2/)
    emulator.clock.advance(32 * DAY)
    expect((await seats.usage('resourceSlug=seats')).body.usage).toMatchObject({
      capacity: 2,
      claimed: 2,
    })
  })

  it('expires the claims of a canceled subscription and refuses new ones', async () => {
    const { api, emulator } = start()
    const sub = await seatCustomer(api, 'c1')
    const later = await seatCustomer(api, 'c2')
    const seats = claimsApi(api, sub)
    await seats.claim({ resourceSlug: 'seats', externalIds: ['u1', 'u2'] })
    const cancel = await api.post(`/subscriptions/${sub}/cancel`, {
      cancellation: { timing: 'immediately' },
    })
    expect(cancel.status, cancel.text).toBe(200)
    const rows = [...emulator.state.tables.resourceClaims.values()].filter(
      (c) => c.subscriptionId === sub,
    )
    expect(rows.map((c) => c.expiredAt)).toEqual([emulator.clock.now(), emulator.clock.now()])
    expect((await seats.claims()).body.claims).toEqual([])
    expect((await seats.usage('resourceSlug=seats')).body.usage).toMatchObject({
      capacity: 0,
      claimed: 0,
    })
    const refused = await seats.claim({ resourceSlug: 'seats', quantity: 1 })
    expect(refused.status).toBe(400)
    expect(refused.body.error).toMatch(/is canceled/)

    // A cancellation at the period end expires the claims when the period closes.
    const laterSeats = claimsApi(api, later)
    await laterSeats.claim({ resourceSlug: 'seats', quantity: 2 })
    await api.post(`/subscriptions/${later}/cancel`, {
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    expect((await laterSeats.claims()).body.claims).toHaveLength(2)
    emulator.clock.advance(32 * DAY)
    expect((await laterSeats.claims()).body.claims).toEqual([])
  })
})

describe('resource claims: snapshots', () => {
  it('round-trips resources and claims through export/import and the streamed form', async () => {
    const { api, emulator } = start()
    const sub = await seatCustomer(api, 's1')
    await claimsApi(api, sub).claim({ resourceSlug: 'seats', externalIds: ['u1', 'u2'] })
    await claimsApi(api, sub).release({ resourceSlug: 'seats', externalId: 'u1' })
    const snapshot = emulator.exportState()
    expect(snapshot.tables.resources.map((r) => r.slug)).toEqual([
      'seats',
      'projects',
      'archived_thing',
    ])
    expect(snapshot.tables.resourceClaims).toHaveLength(2)
    expect(snapshot.tables.features.filter((f) => f.type === 'resource')).toHaveLength(4)

    const copy = setup({ seed: resourceSeed })
    copy.emulator.importState(JSON.parse(JSON.stringify(snapshot)))
    expect(JSON.stringify(copy.emulator.exportState())).toBe(JSON.stringify(snapshot))
    // The rebuilt index finds the claims: u1 is released, u2 still held, u1 can claim again.
    const again = await claimsApi(copy.api, sub).claim({
      resourceSlug: 'seats',
      externalIds: ['u1', 'u2'],
    })
    expect(again.body.usage.claimed).toBe(2)

    const streamed = setup({ seed: resourceSeed })
    await streamed.emulator.importStateStream(emulator.exportStateStream())
    expect(JSON.stringify(streamed.emulator.exportState())).toBe(JSON.stringify(snapshot))
    expect((await claimsApi(streamed.api, sub).claims()).body.claims).toHaveLength(1)
  })
})
