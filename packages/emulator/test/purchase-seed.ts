import type { SeedInput } from '../src/seed/format.js'
import type { Client } from './helpers.js'

/**
 * A messaging app: a free plan (10 messages a period), a $100 top-up of 100 messages (a
 * single payment with a `once` grant and a toggle), Pro at $20/month with a 14-day trial and
 * 1,000 messages a period, and a product that is no longer sold.
 */
export const purchaseSeed: SeedInput = {
  name: 'Messages',
  usageMeters: [
    {
      slug: 'messages',
      name: 'Messages',
      prices: [{ slug: 'messages', unitPrice: 1, isDefault: true }],
    },
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
    {
      type: 'usage_credit_grant',
      slug: 'pro_messages',
      name: '1,000 messages a month',
      amount: 1000,
      usageMeterSlug: 'messages',
      renewalFrequency: 'every_billing_period',
    },
    { type: 'toggle', slug: 'priority', name: 'Priority support' },
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
      features: ['messages_100', 'priority'],
      prices: [{ type: 'single_payment', slug: 'top_up', unitPrice: 10_000, isDefault: true }],
    },
    {
      slug: 'pro',
      name: 'Pro',
      features: ['pro_messages'],
      prices: [
        {
          type: 'subscription',
          slug: 'pro_monthly',
          unitPrice: 2000,
          isDefault: true,
          trialPeriodDays: 14,
        },
      ],
    },
    {
      slug: 'retired',
      name: 'Retired pack',
      active: false,
      prices: [{ type: 'single_payment', slug: 'retired', unitPrice: 500, isDefault: true }],
    },
  ],
}

/** Opens a product checkout session for `priceSlug` and answers its body. */
export async function productCheckout(
  api: Client,
  customerExternalId: string,
  priceSlug: string,
  quantity?: number,
) {
  return api.post('/checkout-sessions', {
    checkoutSession: {
      type: 'product',
      customerExternalId,
      priceSlug,
      successUrl: 'https://app.test/ok',
      cancelUrl: 'https://app.test/no',
      ...(quantity === undefined ? {} : { quantity }),
    },
  })
}

/** The meter's available balance on the customer's current subscription (null if unlisted). */
export async function messagesBalance(api: Client, externalId: string): Promise<number | null> {
  const res = await api.get(`/customers/${externalId}/usage-balances`)
  const row = res.body.usageMeterBalances.find((m: { slug: string }) => m.slug === 'messages')
  return row ? row.availableBalance : null
}
