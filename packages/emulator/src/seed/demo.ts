import type { SeedInput } from './format.js'

/** The default seed: the "Demo" pricing model the docs and tests rely on. */
export const demoSeed: SeedInput = {
  name: 'Demo',
  currency: 'USD',
  usageMeters: [
    {
      slug: 'ai_tokens',
      name: 'AI Tokens',
      aggregationType: 'sum',
      prices: [
        {
          slug: 'ai_tokens',
          name: 'AI Tokens',
          unitPrice: 1,
          usageEventsPerUnit: 1000,
          isDefault: true,
        },
      ],
    },
    {
      slug: 'api_calls',
      name: 'API Calls',
      aggregationType: 'sum',
      prices: [
        {
          slug: 'api_calls',
          name: 'API Calls',
          unitPrice: 1,
          usageEventsPerUnit: 100,
          isDefault: true,
        },
      ],
    },
    {
      slug: 'active_users',
      name: 'Active Users',
      aggregationType: 'count_distinct_properties',
      prices: [
        {
          slug: 'active_users',
          name: 'Active Users',
          unitPrice: 500,
          usageEventsPerUnit: 1,
          isDefault: true,
        },
      ],
    },
  ],
  features: [
    {
      type: 'usage_credit_grant',
      slug: 'free_tokens',
      name: 'Free Tokens',
      description: '10,000 AI tokens every billing period',
      amount: 10_000,
      usageMeterSlug: 'ai_tokens',
      renewalFrequency: 'every_billing_period',
    },
    {
      type: 'toggle',
      slug: 'advanced_models',
      name: 'Advanced Models',
      description: 'Access to the advanced models',
    },
    {
      type: 'usage_credit_grant',
      slug: 'pro_tokens',
      name: 'Pro Tokens',
      description: '1,000,000 AI tokens every billing period',
      amount: 1_000_000,
      usageMeterSlug: 'ai_tokens',
      renewalFrequency: 'every_billing_period',
    },
  ],
  products: [
    {
      slug: 'free',
      name: 'Free',
      default: true,
      features: ['free_tokens'],
      prices: [
        {
          type: 'subscription',
          slug: 'free',
          name: 'Free',
          unitPrice: 0,
          intervalUnit: 'month',
          isDefault: true,
        },
      ],
    },
    {
      slug: 'pro',
      name: 'Pro',
      features: ['advanced_models', 'pro_tokens'],
      prices: [
        {
          type: 'subscription',
          slug: 'pro_monthly',
          name: 'Pro Monthly',
          unitPrice: 2000,
          intervalUnit: 'month',
          isDefault: true,
        },
      ],
    },
  ],
}
