import { describe, expect, it } from 'vitest'
import { createEmulatorApp } from '../../test/handler/emulator-app.js'

// One signed-in user must not be able to spend the organisation's API rate limit by naming
// subscription ids that are not theirs: after one fresh read, forged ids are refused from cache.
async function signedUp() {
  const app = createEmulatorApp()
  const billing = await app.call('user_a', 'customers/billing')
  expect(billing.status).toBe(200)
  app.apiCalls.length = 0
  return app
}

const forged = (index: number) => `sub_forged_${index}`

describe('forged subscription ids', () => {
  it.each([
    ['usage-events/create', (id: string) => ({ usageMeterSlug: 'ai_tokens', subscriptionId: id })],
    ['usage-meters/balances', (id: string) => ({ subscriptionId: id })],
    ['subscriptions/cancel', (id: string) => ({ id, cancellation: { timing: 'immediately' } })],
    ['subscriptions/uncancel', (id: string) => ({ id })],
  ] as const)(
    '100 sequential forged ids on %s cost at most 2 API calls',
    async (path, body) => {
      const app = await signedUp()
      for (let index = 0; index < 100; index++) {
        const { status, error } = await app.call('user_a', path, body(forged(index)))
        expect([status, error?.code], forged(index)).toEqual([403, 'forbidden'])
      }
      expect(app.apiCalls.length).toBeLessThanOrEqual(2)
    },
    60_000,
  ) // a bound for a shared machine, not a speed claim

  it('a cold cache: 100 forged ids cost at most 2 API calls in all', async () => {
    const app = createEmulatorApp()
    await app.call('user_a', 'customers/find-or-create')
    app.apiCalls.length = 0
    for (let index = 0; index < 100; index++) {
      await app.call('user_a', 'usage-events/create', {
        usageMeterSlug: 'ai_tokens',
        subscriptionId: forged(index),
      })
    }
    expect(app.apiCalls.length).toBeLessThanOrEqual(2)
    expect(app.emulator.state.tables.usageEvents.size).toBe(0)
  }, 60_000)

  it("the customer's own subscriptions keep working in between, and a new one is recognised after the SDK's own create", async () => {
    const app = await signedUp()
    await app.call('user_a', 'usage-events/create', {
      usageMeterSlug: 'ai_tokens',
      subscriptionId: forged(0),
    })
    const own = await app.call('user_a', 'usage-events/create', { usageMeterSlug: 'ai_tokens' })
    expect(own.status).toBe(200)
    // A subscription created through the SDK drops the cached (verified) list.
    const created = await app.call('user_a', 'subscriptions/create', { priceSlug: 'free' })
    const fresh = await app.call('user_a', 'usage-events/create', {
      usageMeterSlug: 'ai_tokens',
      subscriptionId: created.data.subscription.id,
    })
    expect(fresh.status).toBe(200)
  })
})
