import { demoSeed } from '../src/seed/demo.js'
import type { SeedInput } from '../src/seed/format.js'
import { type Client, newCustomer } from './helpers.js'

/**
 * The demo seed plus a cheaper paid plan, so there is something to upgrade from and downgrade
 * to: Basic ($10/month, 50,000 AI tokens a period) below Pro ($20/month, 1,000,000 tokens and
 * the `advanced_models` toggle), and a yearly Pro price (another interval).
 */
export const adjustmentSeed: SeedInput = {
  ...demoSeed,
  features: [
    ...(demoSeed.features ?? []),
    {
      type: 'usage_credit_grant',
      slug: 'basic_tokens',
      name: 'Basic Tokens',
      amount: 50_000,
      usageMeterSlug: 'ai_tokens',
      renewalFrequency: 'every_billing_period',
    },
    {
      type: 'usage_credit_grant',
      slug: 'welcome_calls',
      name: 'Welcome API calls',
      amount: 700,
      usageMeterSlug: 'api_calls',
      renewalFrequency: 'once',
    },
  ],
  products: [
    ...(demoSeed.products ?? []).map((product) =>
      product.slug === 'pro'
        ? {
            ...product,
            features: [...(product.features ?? []), 'welcome_calls'],
            prices: [
              ...product.prices,
              {
                type: 'subscription' as const,
                slug: 'pro_yearly',
                name: 'Pro Yearly',
                unitPrice: 20_000,
                intervalUnit: 'year' as const,
              },
            ],
          }
        : product,
    ),
    {
      slug: 'basic',
      name: 'Basic',
      features: ['basic_tokens'],
      prices: [
        {
          type: 'subscription',
          slug: 'basic_monthly',
          name: 'Basic Monthly',
          unitPrice: 1000,
          intervalUnit: 'month',
          isDefault: true,
        },
      ],
    },
  ],
}

/** A customer on a paid plan (`priceSlug`); returns the paid subscription. */
export async function paidCustomer(api: Client, externalId: string, priceSlug: string) {
  await newCustomer(api, externalId)
  const res = await api.post('/subscriptions', { customerExternalId: externalId, priceSlug })
  if (res.status !== 200) throw new Error(`subscription create failed: ${res.text}`)
  return res.body.subscription as { id: string; currentBillingPeriodEnd: number }
}

/** The body of an adjust or preview call for one price. */
export const adjustTo = (
  priceSlug: string,
  timing: 'immediately' | 'at_end_of_current_billing_period' | 'auto',
  extra: { quantity?: number; prorateCurrentBillingPeriod?: boolean } = {},
) => {
  const { quantity = 1, ...rest } = extra
  return { adjustment: { timing, newSubscriptionItems: [{ priceSlug, quantity }], ...rest } }
}
