import { createEmulator } from '@flowglad/emulator'
import { describe, expect, it } from 'vitest'
import { createEmulatorApp } from '../../test/handler/emulator-app.js'
import { resourceSeed, seatsUsage as seats } from '../../test/resource-seed.js'

// The resources/* routes through the real FlowgladServer and REST client against the emulator:
// every claim and release form, refusals that change nothing, bad input answered at the edge.

/** A signed-up customer on Pro (which grants the seats), and its subscription id. */
async function onPro(app: ReturnType<typeof createEmulatorApp>, user: string) {
  expect((await app.call(user, 'customers/billing')).status).toBe(200)
  // A paid plan is the app server's to start (the browser route starts free plans only).
  const { subscription } = await app
    .serverFor(user)
    .createSubscription({ priceSlug: 'pro_monthly' })
  const billing = await app.call(user, 'customers/billing')
  expect(billing.data.currentSubscriptions.map((sub: { id: string }) => sub.id)).toEqual([
    subscription.id,
  ])
  return subscription.id
}

async function twoCustomers() {
  const app = createEmulatorApp({}, createEmulator({ seed: resourceSeed }))
  const subA = await onPro(app, 'user_a')
  const subB = await onPro(app, 'user_b')
  app.apiCalls.length = 0
  return { app, subA, subB }
}

describe('resources/* against the emulator', () => {
  it('usages and one usage (by slug and by id) of the only current subscription', async () => {
    const { app } = await twoCustomers()
    const usages = await app.call('user_a', 'resources/usages')
    expect(usages.status).toBe(200)
    expect(usages.data.resources).toEqual([expect.objectContaining(seats(0))])
    const bySlug = await app.call('user_a', 'resources/usages/retrieve', { resourceSlug: 'seats' })
    expect(bySlug.data).toEqual({ usage: expect.objectContaining(seats(0)), claims: [] })
    const resourceId = usages.data.resources[0].resourceId
    const byId = await app.call('user_a', 'resources/usages/retrieve', { resourceId })
    expect(byId.data.usage).toEqual(bySlug.data.usage)
  })

  it('claims by externalId (idempotent), externalIds and quantity; past capacity claims nothing', async () => {
    const { app } = await twoCustomers()
    const claim = (body: object) =>
      app.call('user_a', 'resources/claim', { resourceSlug: 'seats', ...body })
    const first = await claim({ externalId: 'teammate_1', metadata: { role: 'admin' } })
    expect(first.status).toBe(200)
    expect(first.data.claims).toEqual([
      expect.objectContaining({ externalId: 'teammate_1', metadata: { role: 'admin' } }),
    ])
    const again = await claim({ externalId: 'teammate_1' })
    expect(again.data.claims[0].id).toBe(first.data.claims[0].id)
    expect(again.data.usage).toMatchObject(seats(1))
    expect((await claim({ externalIds: ['teammate_2'] })).data.usage).toMatchObject(seats(2))
    const anonymous = await claim({ quantity: 1 })
    expect(anonymous.data.claims).toEqual([expect.objectContaining({ externalId: null })])
    expect(anonymous.data.usage).toMatchObject(seats(3))

    // The API refuses with BAD_REQUEST, which the route passes on as 400 (never a 500).
    const over = await claim({ externalIds: ['teammate_3', 'teammate_4'] })
    expect([over.status, over.error?.code, over.error?.json.apiCode]).toEqual([
      400,
      'validation_error',
      'BAD_REQUEST',
    ])
    const listed = await app.call('user_a', 'resources/claims', { resourceSlug: 'seats' })
    expect(listed.data.claims).toHaveLength(3)
  })

  it('releases by externalId, externalIds, claimIds and quantity', async () => {
    const { app } = await twoCustomers()
    const call = (path: string, body: object) =>
      app.call('user_a', path, { resourceSlug: 'seats', ...body })
    await call('resources/claim', { externalIds: ['t1', 't2'] })
    const anonymous = await call('resources/claim', { quantity: 1 })
    expect(anonymous.data.usage).toMatchObject(seats(3))

    const byId = await call('resources/release', { externalId: 't1' })
    expect(byId.data.releasedClaims.map((c: { externalId: string }) => c.externalId)).toEqual([
      't1',
    ])
    expect(byId.data.usage).toMatchObject(seats(2))
    const byQuantity = await call('resources/release', { quantity: 1 })
    expect(byQuantity.data.releasedClaims).toEqual([
      expect.objectContaining({ id: anonymous.data.claims[0].id }),
    ])
    const [left] = (await app.call('user_a', 'resources/claims')).data.claims
    const byClaimId = await call('resources/release', { claimIds: [left.id] })
    expect(byClaimId.data.usage).toMatchObject(seats(0))
    await call('resources/claim', { externalIds: ['t3', 't4'] })
    const byIds = await call('resources/release', { externalIds: ['t3', 't4'] })
    expect(byIds.data.releasedClaims).toHaveLength(2)
    expect(byIds.data.usage).toMatchObject(seats(0))
  })

  it("another customer's subscription: 403 on every action, its claims untouched", async () => {
    const { app, subB } = await twoCustomers()
    await app.call('user_b', 'resources/claim', { resourceSlug: 'seats', externalId: 'b_mate' })
    const before = await app.call('user_b', 'resources/claims')
    app.apiCalls.length = 0
    const foreign: [string, object][] = [
      ['resources/usages', {}],
      ['resources/usages/retrieve', { resourceSlug: 'seats' }],
      ['resources/claim', { resourceSlug: 'seats', quantity: 1 }],
      ['resources/release', { resourceSlug: 'seats', externalId: 'b_mate' }],
      ['resources/claims', {}],
    ]
    for (const [path, body] of foreign) {
      const { status, error } = await app.call('user_a', path, { ...body, subscriptionId: subB })
      expect([path, status, error?.code]).toEqual([path, 403, 'forbidden'])
    }
    expect(app.apiCalls.filter((call) => call.includes('/resource-claims/'))).toEqual([])
    expect(await app.call('user_b', 'resources/claims')).toEqual(before)
  })

  it('bad input: 400 validation_error before any API call (upstream answers 500)', async () => {
    const { app } = await twoCustomers()
    const bad: [string, object][] = [
      ['resources/claim', { resourceSlug: 'seats' }],
      ['resources/claim', { resourceSlug: 'seats', quantity: 1, externalId: 'a' }],
      ['resources/release', { resourceSlug: 'seats', quantity: 0 }],
      ['resources/usages/retrieve', {}],
      ['resources/claims', { resourceSlug: '' }],
      ['resources/usages', { unknown: true }],
    ]
    for (const [path, body] of bad) {
      const { status, error } = await app.call('user_a', path, body)
      expect([path, status, error?.code]).toEqual([path, 400, 'validation_error'])
    }
    expect(app.apiCalls).toEqual([])
  })

  it('on Free (no resource feature) there is nothing to claim', async () => {
    const app = createEmulatorApp({}, createEmulator({ seed: resourceSeed }))
    await app.call('user_c', 'customers/billing')
    const usages = await app.call('user_c', 'resources/usages')
    expect([usages.status, usages.data]).toEqual([200, { resources: [] }])
    const claim = await app.call('user_c', 'resources/claim', {
      resourceSlug: 'seats',
      quantity: 1,
    })
    expect(claim.status).toBe(400)
  })
})
