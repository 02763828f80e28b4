import type { CustomerBillingDetails } from '@flowglad/shared/browser'
import { describe, expect, it } from 'vitest'
import { createE2EHarness } from '../test/e2e-harness.js'
import { createBillingActions } from './billing-actions.js'
import { type BillingClient, createBillingClient } from './billing-client.js'

async function setup(fetch?: (input: string, init: RequestInit) => Promise<Response>) {
  const harness = createE2EHarness()
  const client = createBillingClient({ fetch: fetch ?? harness.fetch, retryDelayMs: 0 })
  const actions = createBillingActions(client)
  await client.load()
  return { ...harness, client, actions, billing: loadedBilling(client) }
}

function loadedBilling(client: BillingClient): CustomerBillingDetails {
  const state = client.getState()
  if (state.status !== 'loaded') throw new Error(`billing not loaded: ${JSON.stringify(state)}`)
  return state.billing
}

function tokenBalance(client: BillingClient): number | undefined {
  const balances = loadedBilling(client).currentSubscription?.experimental?.usageMeterBalances
  return balances?.find((balance) => balance.slug === 'ai_tokens')?.availableBalance
}

describe('createUsageEvent against the route handler core + emulator', () => {
  it('records with each identifier', async () => {
    const { actions, billing, storedEvents } = await setup()
    const meter = (slug: string) => billing.pricingModel.usageMeters.find((m) => m.slug === slug)
    const tokens = meter('ai_tokens')
    const calls = meter('api_calls')
    const tokenPrice = tokens?.prices?.find((price) => price.slug === 'ai_tokens')
    expect(tokens && calls && tokenPrice).toBeTruthy()

    const results = [
      await actions.createUsageEvent({ priceSlug: 'ai_tokens', amount: 10 }),
      await actions.createUsageEvent({ priceId: tokenPrice?.id ?? '', amount: 20 }),
      await actions.createUsageEvent({ usageMeterSlug: 'api_calls', amount: 30 }),
      await actions.createUsageEvent({ usageMeterId: calls?.id ?? '', amount: 40 }),
    ]
    const ids = results.map((result) => ('usageEvent' in result ? result.usageEvent.id : result))
    expect(storedEvents().map((event) => [event.id, event.usageMeterId, event.amount])).toEqual([
      [ids[0], tokens?.id, 10],
      [ids[1], tokens?.id, 20],
      [ids[2], calls?.id, 30],
      [ids[3], calls?.id, 40],
    ])
  })

  it('applies the defaults: amount 1, the current subscription, a generated transactionId', async () => {
    const { actions, billing, storedEvents } = await setup()
    const result = await actions.createUsageEvent({ usageMeterSlug: 'api_calls' })
    expect(result).toEqual({ usageEvent: { id: expect.any(String) } })
    const [event] = storedEvents()
    expect(event?.amount).toBe(1)
    expect(event?.subscriptionId).toBe(billing.currentSubscription?.id)
    expect(event?.transactionId).toMatch(/^[A-Za-z0-9_-]{21}$/)
  })

  it('does not reload billing; the balance changes after reload()', async () => {
    const { actions, client } = await setup()
    expect(tokenBalance(client)).toBe(10_000)
    await actions.createUsageEvent({ usageMeterSlug: 'ai_tokens', amount: 150 })
    expect(tokenBalance(client)).toBe(10_000)
    await client.reload()
    expect(tokenBalance(client)).toBe(9_850)
  })

  it('passes the handler’s validation error through', async () => {
    const { actions, storedEvents } = await setup()
    const result = await actions.createUsageEvent({ usageMeterSlug: 'ai_tokens', amount: -5 })
    expect(result).toMatchObject({
      error: { code: 'validation_error', json: { message: expect.any(String) } },
    })
    expect(storedEvents()).toHaveLength(0)
  })
})

describe('exactly once: the emulator is the judge', () => {
  it('a retry after a dropped response stores exactly one event', async () => {
    const harness = createE2EHarness()
    let dropped = 0
    const flaky = async (input: string, init: RequestInit) => {
      const response = await harness.fetch(input, init)
      if (input.endsWith('/usage-events/create') && dropped === 0) {
        dropped += 1 // the server did the work; the answer never reaches the browser
        throw new TypeError('Failed to fetch')
      }
      return response
    }
    const client = createBillingClient({ fetch: flaky, retryDelayMs: 0 })
    const result = await createBillingActions(client).createUsageEvent({
      usageMeterSlug: 'ai_tokens',
      amount: 150,
    })
    expect(dropped).toBe(1)
    expect(result).toEqual({ usageEvent: { id: expect.any(String) } })
    const events = harness.storedEvents()
    expect(events).toHaveLength(1)
    expect(events[0]?.id).toBe('usageEvent' in result ? result.usageEvent.id : null)
    await client.reload()
    expect(tokenBalance(client)).toBe(9_850)
  })

  it('the judge can fail: two separate calls are two events', async () => {
    const { actions, storedEvents } = await setup()
    await actions.createUsageEvent({ usageMeterSlug: 'ai_tokens', amount: 150 })
    await actions.createUsageEvent({ usageMeterSlug: 'ai_tokens', amount: 150 })
    expect(storedEvents()).toHaveLength(2)
  })

  it('a caller-given transactionId is deduplicated across calls too', async () => {
    const { actions, storedEvents } = await setup()
    const first = await actions.createUsageEvent({
      usageMeterSlug: 'ai_tokens',
      transactionId: 'tx-1',
    })
    const second = await actions.createUsageEvent({
      usageMeterSlug: 'ai_tokens',
      transactionId: 'tx-1',
    })
    expect(storedEvents()).toHaveLength(1)
    expect(second).toEqual(first)
  })
})

describe('other actions end to end', () => {
  it('creates a product checkout session', async () => {
    const { actions } = await setup()
    const result = await actions.createCheckoutSession({
      priceSlug: 'pro_monthly',
      // The route handler accepts redirects only to the app's own origin (the harness's host).
      successUrl: 'http://app.local/ok',
      cancelUrl: 'http://app.local/no',
    })
    expect(result).toEqual({ id: expect.any(String), url: expect.stringMatching(/^https?:\/\//) })
  })
})
