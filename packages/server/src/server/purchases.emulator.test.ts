import { createEmulator, type Emulator, type SeedInput } from '@flowglad/emulator'
import { beforeEach, describe, expect, it } from 'vitest'
import { FlowgladServer } from './flowglad-server.js'

// A free plan with 10 messages a period, a $100 top-up of 100 messages and a plan with a trial.
const seed: SeedInput = {
  name: 'Messages',
  usageMeters: [
    { slug: 'messages', name: 'Messages', prices: [{ slug: 'messages', unitPrice: 1 }] },
  ],
  features: [
    {
      type: 'usage_credit_grant',
      slug: 'free_messages',
      name: '10 messages a month',
      amount: 10,
      usageMeterSlug: 'messages',
      renewalFrequency: 'every_billing_period',
    },
    {
      type: 'usage_credit_grant',
      slug: 'messages_100',
      name: '100 messages',
      amount: 100,
      usageMeterSlug: 'messages',
      renewalFrequency: 'once',
    },
  ],
  products: [
    {
      slug: 'free',
      name: 'Free',
      default: true,
      features: ['free_messages'],
      prices: [{ type: 'subscription', slug: 'free', unitPrice: 0, isDefault: true }],
    },
    {
      slug: 'top_up',
      name: '100 messages',
      features: ['messages_100'],
      prices: [{ type: 'single_payment', slug: 'top_up', unitPrice: 10_000, isDefault: true }],
    },
    {
      slug: 'pro',
      name: 'Pro',
      prices: [{ type: 'subscription', slug: 'pro_monthly', unitPrice: 2000, trialPeriodDays: 7 }],
    },
  ],
}

const BASE_URL = 'http://emulator-purchases.local'
const DAY = 86_400_000
let emulator: Emulator

function serverFor(externalId: string) {
  return new FlowgladServer({
    customerExternalId: externalId,
    getCustomerDetails: async (id) => ({ name: `User ${id}`, email: `${id}@example.com` }),
    apiKey: 'sk_test_purchases',
    baseURL: BASE_URL,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      emulator.fetch(new Request(input, init))) as typeof fetch,
  })
}

/** What the buyer's click on the hosted page does, for a session the app opened. */
async function buy(server: FlowgladServer, priceSlug: string) {
  const { checkoutSession } = await server.createCheckoutSession({
    priceSlug,
    successUrl: 'https://app.test/ok',
    cancelUrl: 'https://app.test/no',
  })
  emulator.completeCheckoutSession(checkoutSession.id)
}

beforeEach(() => {
  emulator = createEmulator({ seed, now: Date.UTC(2026, 0, 15) })
})

describe('FlowgladServer against the emulator: purchases and trials', () => {
  it('a top-up is a purchase: hasPurchased turns true and the balance grows by 100', async () => {
    const server = serverFor('buyer_1')
    const before = await server.getBilling()
    expect(before.hasPurchased('top_up')).toBe(false)
    expect(before.checkUsageBalance('messages')?.availableBalance).toBe(10)

    await buy(server, 'top_up')

    const after = await server.getBilling()
    expect(after.hasPurchased('top_up')).toBe(true)
    expect(after.hasPurchased('pro')).toBe(false)
    expect(after.purchases).toHaveLength(1)
    expect(after.checkUsageBalance('messages')?.availableBalance).toBe(110)
    expect(after.invoices.map(({ invoice }) => invoice.type)).toEqual(['purchase'])
  })

  it('a plan with trialPeriodDays starts trialing and turns active at trialEnd', async () => {
    const server = serverFor('trial_1')
    await buy(server, 'pro_monthly')
    const trialing = (await server.getBilling()).currentSubscription
    expect(trialing?.status).toBe('trialing')
    expect(trialing?.trialEnd).toBe(Date.UTC(2026, 0, 22))

    emulator.clock.advance(7 * DAY)
    const billing = await server.getBilling()
    expect(billing.currentSubscription?.status).toBe('active')
    expect(billing.invoices.map(({ invoice }) => invoice.subtotal)).toEqual([2000])
  })
})
