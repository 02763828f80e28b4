import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  customersWithExternalId,
  EMULATOR_KEY,
  type EmulatorHarness,
  startEmulator,
  storedUsageEvents,
} from '../../test/emulator.js'
import { reportUsage as reportUsageWithMeter } from '../../test/seed/report-usage-with-meter.js'
import { reportUsage as reportUsageWithPrice } from '../../test/seed/report-usage-with-price.js'
import { FlowgladServerAdmin } from '../admin/flowglad-server-admin.js'
import { FlowgladServer } from './flowglad-server.js'
import { OwnershipCache } from './ownership-cache.js'

function serverFor(harness: EmulatorHarness, externalId: string, cache = new OwnershipCache()) {
  return new FlowgladServer({
    customerExternalId: externalId,
    getCustomerDetails: async (id) => ({ name: `User ${id}`, email: `${id}@example.com` }),
    ...harness.clientOptions,
    ownershipCache: cache,
  })
}

async function currentSubscriptionId(server: FlowgladServer): Promise<string> {
  const { currentSubscriptionId } = await server.getOwnedSubscriptions()
  if (!currentSubscriptionId) throw new Error('the customer should have the free plan')
  return currentSubscriptionId
}

describe("the seed's reportUsage examples, verbatim, against the emulator", () => {
  let harness: EmulatorHarness
  beforeEach(() => {
    harness = startEmulator()
    // The examples construct FlowgladServer with no options: key, URL and fetch come from the
    // environment, as in an app.
    vi.stubEnv('FLOWGLAD_SECRET_KEY', EMULATOR_KEY)
    vi.stubEnv('FLOWGLAD_BASE_URL', harness.baseURL)
    vi.stubGlobal('fetch', harness.fetch)
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
  })
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('with a priceSlug', async () => {
    const subscriptionId = await currentSubscriptionId(serverFor(harness, 'user_xyz789'))
    const usageEvent = await reportUsageWithPrice({
      customerExternalId: 'user_xyz789',
      subscriptionId,
      priceSlug: 'ai_tokens',
      amount: 10,
      transactionId: 'my-unique-transaction-id-12345',
      usageDate: new Date(Date.now() - 60_000),
    })
    expect(usageEvent).toMatchObject({ subscriptionId, amount: 10 })
    expect(storedUsageEvents(harness.emulator)).toHaveLength(1)
    expect(console.log).toHaveBeenCalledWith('Usage event created successfully:', usageEvent.id)
  })

  it('with a usageMeterSlug', async () => {
    const subscriptionId = await currentSubscriptionId(serverFor(harness, 'user_xyz789'))
    const usageEvent = await reportUsageWithMeter({
      customerExternalId: 'user_xyz789',
      subscriptionId,
      usageMeterSlug: 'api_calls',
      amount: 10,
      transactionId: 'my-unique-transaction-id-12345',
    })
    expect(usageEvent.transactionId).toBe('my-unique-transaction-id-12345')
    const meter = [...harness.emulator.state.tables.usageMeters.values()].find(
      (candidate) => candidate.slug === 'api_calls',
    )
    expect(usageEvent.usageMeterId).toBe(meter?.id)
  })

  it('a foreign subscription is refused before anything is stored', async () => {
    const foreign = await currentSubscriptionId(serverFor(harness, 'someone_else'))
    await expect(
      reportUsageWithPrice({
        customerExternalId: 'user_xyz789',
        subscriptionId: foreign,
        priceSlug: 'ai_tokens',
        amount: 1,
        transactionId: 'tx-foreign',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' })
    expect(storedUsageEvents(harness.emulator)).toHaveLength(0)
  })
})

describe('usage events against the emulator', () => {
  it('an idempotent repeat returns the same event and stores one', async () => {
    const harness = startEmulator()
    const server = serverFor(harness, 'user_1')
    const subscriptionId = await currentSubscriptionId(server)
    const event = {
      subscriptionId,
      usageMeterSlug: 'ai_tokens',
      amount: 150,
      transactionId: 'tx-1',
    }
    const first = await server.createUsageEvent(event)
    const again = await server.createUsageEvent({ ...event, amount: 999 })
    expect(again.usageEvent.id).toBe(first.usageEvent.id)
    expect(again.usageEvent.amount).toBe(150)
    expect(storedUsageEvents(harness.emulator)).toHaveLength(1)
  })

  it('with the cache warm, createUsageEvent is one request', async () => {
    const harness = startEmulator()
    const server = serverFor(harness, 'user_1')
    const subscriptionId = await currentSubscriptionId(server)
    harness.requests.length = 0
    await server.createUsageEvent({
      subscriptionId,
      priceSlug: 'ai_tokens',
      amount: 1,
      transactionId: 't',
    })
    expect(harness.requests).toEqual([{ method: 'POST', path: '/api/v1/usage-events' }])
  })

  it('bulk with a foreign subscription is refused and nothing is stored', async () => {
    const harness = startEmulator()
    const mine = serverFor(harness, 'user_1')
    const own = await currentSubscriptionId(mine)
    const foreign = await currentSubscriptionId(serverFor(harness, 'user_2'))
    const usageEvents = [
      { subscriptionId: own, usageMeterSlug: 'ai_tokens', amount: 1, transactionId: 'b1' },
      { subscriptionId: foreign, usageMeterSlug: 'ai_tokens', amount: 1, transactionId: 'b2' },
    ]
    await expect(mine.bulkCreateUsageEvents({ usageEvents })).rejects.toMatchObject({
      code: 'forbidden',
    })
    expect(storedUsageEvents(harness.emulator)).toHaveLength(0)
  })

  it('bulk reports duplicates as skipped', async () => {
    const harness = startEmulator()
    const server = serverFor(harness, 'user_1')
    const subscriptionId = await currentSubscriptionId(server)
    const usageEvents = ['a', 'b', 'c'].map((transactionId) => ({
      subscriptionId,
      usageMeterSlug: 'api_calls',
      amount: 2,
      transactionId,
    }))
    const first = await server.bulkCreateUsageEvents({ usageEvents: usageEvents.slice(0, 2) })
    expect(first).toMatchObject({ skipped: 0 })
    const second = await server.bulkCreateUsageEvents({ usageEvents }, { chunkSize: 2 })
    expect(second.usageEvents.map((event) => event.transactionId)).toEqual(['c'])
    expect(second.skipped).toBe(2)
    expect(storedUsageEvents(harness.emulator)).toHaveLength(3)
  })
})

describe('retries never double count (faults injected around the emulator)', () => {
  it('the first response is lost after the emulator stored the event', async () => {
    let dropped = false
    const harness = startEmulator(async (request, next) => {
      const response = await next(request)
      if (!dropped && request.method === 'POST' && request.url.endsWith('/usage-events')) {
        dropped = true
        throw new TypeError('fetch failed: socket hang up')
      }
      return response
    })
    const server = serverFor(harness, 'user_1')
    const subscriptionId = await currentSubscriptionId(server)
    const { usageEvent } = await server.createUsageEvent({
      subscriptionId,
      usageMeterSlug: 'ai_tokens',
      amount: 150,
      transactionId: 'tx-lost-response',
    })
    expect(dropped).toBe(true)
    const posts = harness.requests.filter((call) => call.path === '/api/v1/usage-events')
    expect(posts).toHaveLength(2)
    const stored = storedUsageEvents(harness.emulator)
    expect(stored).toHaveLength(1)
    expect(stored[0]?.id).toBe(usageEvent.id)
    const { usageMeterBalances } = await server.getUsageMeterBalances({ subscriptionId })
    const tokens = usageMeterBalances.find((balance) => balance.slug === 'ai_tokens')
    const fresh = startEmulator()
    const control = serverFor(fresh, 'user_1')
    const controlSub = await currentSubscriptionId(control)
    await control.createUsageEvent({
      subscriptionId: controlSub,
      usageMeterSlug: 'ai_tokens',
      amount: 150,
      transactionId: 'tx-control',
    })
    const controlBalance = (await control.getUsageMeterBalances()).usageMeterBalances.find(
      (balance) => balance.slug === 'ai_tokens',
    )
    // The same debit as a single clean call: counted once.
    expect(tokens?.availableBalance).toBe(controlBalance?.availableBalance)
  })

  it('a 503 before the emulator sees the request is retried into one event', async () => {
    let failed = 0
    const harness = startEmulator(async (request, next) => {
      if (failed === 0 && request.url.endsWith('/usage-events/bulk')) {
        failed += 1
        return new Response(JSON.stringify({ error: 'busy' }), { status: 503 })
      }
      return next(request)
    })
    const server = serverFor(harness, 'user_1')
    const subscriptionId = await currentSubscriptionId(server)
    const result = await server.bulkCreateUsageEvents({
      usageEvents: [{ subscriptionId, priceSlug: 'ai_tokens', amount: 5, transactionId: 'tx-503' }],
    })
    expect(failed).toBe(1)
    expect(result).toMatchObject({ skipped: 0 })
    expect(storedUsageEvents(harness.emulator)).toHaveLength(1)
  })
})

describe('customers against the emulator', () => {
  it('find-or-create race: two concurrent first calls create one customer', async () => {
    // Hold both GETs until both have arrived, so both see NOT_FOUND and both try to create.
    let arrived = 0
    let release: () => void = () => undefined
    const bothArrived = new Promise<void>((resolve) => {
      release = resolve
    })
    const statuses: number[] = []
    const harness = startEmulator(async (request, next) => {
      const isCustomerGet = request.method === 'GET' && request.url.endsWith('/customers/racer')
      if (isCustomerGet && arrived < 2) {
        arrived += 1
        if (arrived === 2) release()
        await bothArrived
      }
      const response = await next(request)
      if (request.method === 'POST') statuses.push(response.status)
      return response
    })
    const [a, b] = await Promise.all([
      serverFor(harness, 'racer').findOrCreateCustomer(),
      serverFor(harness, 'racer').findOrCreateCustomer(),
    ])
    expect(a.id).toBe(b.id)
    expect(statuses.sort()).toEqual([200, 409])
    expect(customersWithExternalId(harness.emulator, 'racer')).toHaveLength(1)
  })

  it('getBilling creates the customer on first use, then reads in one call', async () => {
    const harness = startEmulator()
    const server = serverFor(harness, 'new_user')
    const billing = await server.getBilling()
    expect(billing.customer.externalId).toBe('new_user')
    expect(billing.getProduct('pro')?.slug).toBe('pro')
    harness.requests.length = 0
    await server.getBilling()
    expect(harness.requests).toHaveLength(1)
  })

  it('subscription lifecycle: create pro, cancel at period end, uncancel (twice)', async () => {
    const harness = startEmulator()
    const server = serverFor(harness, 'user_1')
    const { subscription } = await server.createSubscription({ priceSlug: 'pro_monthly' })
    expect(subscription.status).toBe('active')
    const owned = await server.getOwnedSubscriptions()
    expect(owned.currentSubscriptionIds).toContain(subscription.id)
    const canceled = await server.cancelSubscription({
      id: subscription.id,
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    expect(canceled.subscription.status).toBe('cancellation_scheduled')
    const restored = await server.uncancelSubscription({ id: subscription.id })
    expect(restored.subscription.status).toBe('active')
    const again = await server.uncancelSubscription({ id: subscription.id })
    expect(again.subscription.status).toBe('active')
    const other = serverFor(harness, 'user_2')
    await expect(other.uncancelSubscription({ id: subscription.id })).rejects.toMatchObject({
      code: 'forbidden',
    })
  })

  it('checkout sessions and admin reads work against the emulator', async () => {
    const harness = startEmulator()
    const server = serverFor(harness, 'user_1')
    const { url, checkoutSession } = await server.createCheckoutSession({
      priceSlug: 'pro_monthly',
      successUrl: 'https://app.test/ok',
      cancelUrl: 'https://app.test/cancel',
    })
    expect(url).toContain(checkoutSession.id)
    const admin = new FlowgladServerAdmin(harness.clientOptions)
    const { customer } = await admin.getCustomer('user_1')
    expect(customer.externalId).toBe('user_1')
    const { pricingModel } = await admin.getDefaultPricingModel()
    expect(pricingModel.usageMeters.map((meter) => meter.slug)).toContain('ai_tokens')
  })

  it('after a checkout upgrade, the current subscription is the new one (no stale cache)', async () => {
    const harness = startEmulator()
    const server = serverFor(harness, 'user_upgrade')
    const freePlan = await currentSubscriptionId(server)
    const { checkoutSession } = await server.createCheckoutSession({
      priceSlug: 'pro_monthly',
      successUrl: 'https://app.test/ok',
      cancelUrl: 'https://app.test/cancel',
    })
    // The customer pays on the hosted page: outside this SDK.
    const { subscription } = harness.emulator.completeCheckoutSession(checkoutSession.id)
    const upgraded = await currentSubscriptionId(server)
    expect(upgraded).not.toBe(freePlan)
    expect(upgraded).toBe(subscription?.id)
  })
})
