import type { SeedInput } from '../src/seed/format.js'
import { type Client, newCustomer } from './helpers.js'

/**
 * A seats pricing model: Free (no seats), Small ($10/month, 2 seats) and Team ($50/month,
 * 5 seats and 3 projects per unit of quantity).
 */
export const resourceSeed: SeedInput = {
  name: 'Seats',
  resources: [
    { slug: 'seats', name: 'Seats' },
    { slug: 'projects', name: 'Projects' },
    { slug: 'archived_thing', name: 'Old', active: false },
  ],
  features: [
    { type: 'resource', slug: 'team_seats', name: 'Team seats', amount: 5, resourceSlug: 'seats' },
    {
      type: 'resource',
      slug: 'small_seats',
      name: 'Small seats',
      amount: 2,
      resourceSlug: 'seats',
    },
    {
      type: 'resource',
      slug: 'team_projects',
      name: 'Team projects',
      amount: 3,
      resourceSlug: 'projects',
    },
    {
      type: 'resource',
      slug: 'old_things',
      name: 'Old',
      amount: 1,
      resourceSlug: 'archived_thing',
    },
  ],
  products: [
    {
      slug: 'free',
      name: 'Free',
      default: true,
      prices: [{ type: 'subscription', slug: 'free', unitPrice: 0, isDefault: true }],
    },
    {
      slug: 'small',
      name: 'Small',
      features: ['small_seats'],
      prices: [{ type: 'subscription', slug: 'small_monthly', unitPrice: 1000, isDefault: true }],
    },
    {
      slug: 'team',
      name: 'Team',
      features: ['team_seats', 'team_projects', 'old_things'],
      prices: [{ type: 'subscription', slug: 'team_monthly', unitPrice: 5000, isDefault: true }],
    },
  ],
}

/** A customer subscribed to `priceSlug` (× `quantity`); returns the paid subscription id. */
export async function seatCustomer(
  api: Client,
  externalId: string,
  priceSlug = 'team_monthly',
  quantity = 1,
): Promise<string> {
  await newCustomer(api, externalId)
  const res = await api.post('/subscriptions', {
    customerExternalId: externalId,
    priceSlug,
    quantity,
  })
  if (res.status !== 200) throw new Error(`subscription create failed: ${res.text}`)
  return res.body.subscription.id as string
}
