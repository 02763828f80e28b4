import { demoSeed, type SeedInput } from '@flowglad/emulator'

/** Seats on the Pro plan this many at quantity 1. */
export const PRO_SEATS = 3

/** The demo pricing model plus a `seats` resource: Pro grants `PRO_SEATS`, Free none. */
export const resourceSeed: SeedInput = {
  ...demoSeed,
  resources: [{ slug: 'seats', name: 'Seats' }],
  features: [
    ...(demoSeed.features ?? []),
    {
      type: 'resource',
      slug: 'pro_seats',
      name: 'Pro seats',
      amount: PRO_SEATS,
      resourceSlug: 'seats',
    },
  ],
  products: (demoSeed.products ?? []).map((product) =>
    product.slug === 'pro'
      ? { ...product, features: [...(product.features ?? []), 'pro_seats'] }
      : product,
  ),
}

/** The seats usage on Pro with `claimed` of them held. */
export const seatsUsage = (claimed: number) => ({
  resourceSlug: 'seats',
  capacity: PRO_SEATS,
  claimed,
  available: PRO_SEATS - claimed,
})
