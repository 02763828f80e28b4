import Flowglad from '@flowglad/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../src/node.js'
import { checkedFetch, validatedOperations } from './openapi.js'

/** Global fetch over loopback, with every 2xx body checked against the OpenAPI spec. */
const conformingFetch = checkedFetch((request: Request) => fetch(request))

/** The real `@flowglad/node` 0.29.0 client against the emulator over loopback. */
describe('@flowglad/node against startEmulator', () => {
  let running: RunningEmulator
  let flowglad: Flowglad

  beforeAll(async () => {
    running = await startEmulator({ port: 0, host: '127.0.0.1' })
    flowglad = new Flowglad({
      apiKey: 'sk_test_node_client',
      baseURL: running.url,
      maxRetries: 0,
      fetch: (input: string | URL | Request, init?: RequestInit) =>
        conformingFetch(new Request(input, init)),
    })
  })
  afterAll(() => running.close())

  it('reports the real port', () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(running.url).not.toMatch(/:0$/)
  })

  it('drives customers, billing, usage, meters and subscriptions', async () => {
    const created = await flowglad.customers.create({
      customer: { externalId: 'node_user', email: 'node@example.com', name: 'Node User' },
    })
    expect(created.data.customer.externalId).toBe('node_user')
    const freeId = created.data.subscription?.id
    expect(freeId).toMatch(/^sub_/)

    const got = await flowglad.customers.retrieve('node_user')
    expect(got.customer.id).toBe(created.data.customer.id)
    const updated = await flowglad.customers.update('node_user', { customer: { name: 'Renamed' } })
    expect(updated.customer.name).toBe('Renamed')

    const missing = await flowglad.customers.retrieve('nobody').catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(Flowglad.NotFoundError)
    expect((missing as InstanceType<typeof Flowglad.NotFoundError>).error).toMatchObject({
      code: 'NOT_FOUND',
    })

    const billing = await flowglad.customers.retrieveBilling('node_user')
    expect(billing.currentSubscription?.id).toBe(freeId)
    expect(billing.pricingModel.products.map((p) => p.slug).sort()).toEqual(['free', 'pro'])

    const event = await flowglad.usageEvents.create({
      usageEvent: {
        subscriptionId: freeId ?? '',
        amount: 250,
        transactionId: 'node_tx_1',
        usageMeterSlug: 'ai_tokens',
      },
    })
    expect(event.usageEvent.amount).toBe(250)
    const again = await flowglad.usageEvents.retrieve(event.usageEvent.id)
    expect(again.usageEvent).toEqual(event.usageEvent)

    const bulk = await flowglad.post<{ usageEvents: { transactionId: string }[] }>(
      '/api/v1/usage-events/bulk',
      {
        body: {
          usageEvents: [
            {
              subscriptionId: freeId,
              amount: 1,
              transactionId: 'node_tx_1',
              usageMeterSlug: 'ai_tokens',
            },
            {
              subscriptionId: freeId,
              amount: 2,
              transactionId: 'node_tx_2',
              usageMeterSlug: 'ai_tokens',
            },
          ],
        },
      },
    )
    expect(bulk.usageEvents.map((e) => e.transactionId)).toEqual(['node_tx_2'])

    const balances = await flowglad.get<{
      usageMeterBalances: { slug: string; availableBalance: number }[]
    }>('/api/v1/customers/node_user/usage-balances')
    expect(balances.usageMeterBalances).toEqual([
      expect.objectContaining({ slug: 'ai_tokens', availableBalance: 10_000 - 252 }),
    ])

    const meter = await flowglad.usageMeters.create({
      usageMeter: { name: 'Seats', slug: 'seats', pricingModelId: billing.pricingModel.id },
    })
    expect((await flowglad.usageMeters.retrieve(meter.usageMeter.id)).usageMeter.slug).toBe('seats')
    const renamed = await flowglad.usageMeters.update(meter.usageMeter.id, {
      usageMeter: { id: meter.usageMeter.id, name: 'Seats 2' },
    })
    expect(renamed.usageMeter.name).toBe('Seats 2')
    const meters = await flowglad.usageMeters.list({ limit: '100' })
    expect(meters.data.map((m) => m.slug)).toContain('seats')

    const pro = await flowglad.subscriptions.create({
      customerExternalId: 'node_user',
      priceSlug: 'pro_monthly',
      quantity: 1,
    })
    expect(pro.subscription.status).toBe('active')
    const free = await flowglad.subscriptions.retrieve(freeId ?? '')
    expect(free.subscription.cancellationReason).toBe('upgraded_to_paid')
    const canceled = await flowglad.subscriptions.cancel(pro.subscription.id, {
      cancellation: { timing: 'at_end_of_current_billing_period' },
    })
    expect(canceled.subscription.status).toBe('cancellation_scheduled')
    const uncanceled = await flowglad.subscriptions.uncancel(pro.subscription.id)
    expect(uncanceled.subscription.status).toBe('active')
    // node 0.29 has `subscriptions.adjust` (no preview or cancel-scheduled methods).
    const adjusted = await flowglad.subscriptions.adjust(pro.subscription.id, {
      adjustment: {
        timing: 'auto',
        newSubscriptionItems: [{ priceSlug: 'pro_monthly', quantity: 2 }],
      },
    })
    expect(adjusted).toMatchObject({ isUpgrade: true, resolvedTiming: 'immediately' })
    expect(adjusted.subscriptionItems.map((item) => item.quantity)).toEqual([2])

    // Every 2xx body above went through the OpenAPI check.
    expect([...validatedOperations].sort()).toEqual([
      'customers-create',
      'customers-get',
      'customers-getBilling',
      'customers-getUsageBalances',
      'customers-update',
      'subscriptions-adjust',
      'subscriptions-cancel',
      'subscriptions-create',
      'subscriptions-get',
      'subscriptions-uncancel',
      'usageEvents-bulkInsert',
      'usageEvents-create',
      'usageEvents-get',
      'usageMeters-create',
      'usageMeters-get',
      'usageMeters-list',
      'usageMeters-update',
    ])
  })
})

describe('@flowglad/node retries against random faults', () => {
  // Over HTTP rather than msw: msw 2.15 never settles `response.body.cancel()` on a mocked
  // response, and the SDK cancels a failed response's body before retrying.
  it('rides out 500/503s; every event is stored exactly once', async () => {
    const running = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      faultRate: 0.2,
      faultSeed: 11,
      faultModes: ['500', '503', 'reset'],
    })
    try {
      const flowglad = new Flowglad({
        apiKey: 'sk_test_retry',
        baseURL: running.url,
        maxRetries: 8,
      })
      const created = await flowglad.customers.create({
        customer: { externalId: 'retry_user', email: 'r@x.com', name: 'R' },
      })
      const subscriptionId = created.data.subscription?.id ?? ''
      for (let i = 0; i < 6; i++) {
        await flowglad.usageEvents.create({
          usageEvent: {
            subscriptionId,
            priceSlug: 'ai_tokens',
            amount: 10,
            transactionId: `r${i}`,
          },
        })
      }
      expect(running.emulator.state.tables.usageEvents.size).toBe(6)
    } finally {
      await running.close()
    }
  }, 60_000)
})
