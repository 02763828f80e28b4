import { describe, expect, it } from 'vitest'
import {
  adjustSubscriptionParamsSchema,
  subscriptionAdjustmentTiming,
  subscriptionAdjustmentTimingSchema,
  terseSubscriptionItemSchema,
} from './adjust-subscription.js'

const messages = (input: unknown) =>
  adjustSubscriptionParamsSchema.safeParse(input).error?.issues.map((issue) => issue.message)

describe('adjustSubscriptionParamsSchema', () => {
  it.each([
    [{ priceSlug: 'pro_monthly' }],
    [{ priceId: 'price_1', quantity: 3 }],
    [{ subscriptionItems: [{ priceSlug: 'base' }, { priceId: 'price_2', quantity: 2 }] }],
  ])('accepts each of the three forms: %j', (input) => {
    const parsed = adjustSubscriptionParamsSchema.parse(input)
    expect(parsed).toEqual({ ...input, timing: 'auto' })
  })

  it('keeps subscriptionId, timing and prorate', () => {
    const input = {
      priceSlug: 'pro_monthly',
      subscriptionId: 'sub_1',
      timing: 'at_end_of_current_billing_period',
      prorate: false,
    }
    expect(adjustSubscriptionParamsSchema.parse(input)).toEqual(input)
  })

  it.each([
    [{}],
    [{ priceSlug: 'a', priceId: 'b' }],
    [{ priceSlug: 'a', subscriptionItems: [{ priceSlug: 'b' }] }],
  ])('refuses no form or two forms with one message: %j', (input) => {
    expect(messages(input)).toEqual([
      'Exactly one of priceSlug, priceId or subscriptionItems must be provided',
    ])
  })

  it('refuses quantity beside subscriptionItems, empty items and bad items', () => {
    expect(messages({ subscriptionItems: [{ priceSlug: 'a' }], quantity: 2 })).toEqual([
      'quantity goes inside each subscriptionItems entry',
    ])
    expect(messages({ subscriptionItems: [] })).toContain(
      'subscriptionItems must contain at least one item',
    )
    expect(messages({ subscriptionItems: [{ quantity: 1 }] })).toContain(
      'Exactly one of priceId or priceSlug must be provided',
    )
  })

  it.each([0, -1, 1.5, '2'])('refuses quantity %j', (quantity) => {
    expect(messages({ priceSlug: 'a', quantity })).toEqual(['quantity must be a positive integer'])
  })

  it('refuses an unknown timing, unknown keys and a non-boolean prorate', () => {
    expect(messages({ priceSlug: 'a', timing: 'later' })).toEqual([
      "timing must be 'immediately', 'at_end_of_current_billing_period' or 'auto'",
    ])
    expect(adjustSubscriptionParamsSchema.safeParse({ priceSlug: 'a', extra: 1 }).success).toBe(
      false,
    )
    expect(messages({ priceSlug: 'a', prorate: 'yes' })).toEqual(['prorate must be a boolean'])
  })
})

describe('timing and items', () => {
  it('has upstream member names and values', () => {
    expect(subscriptionAdjustmentTiming).toEqual({
      Immediately: 'immediately',
      AtEndOfCurrentBillingPeriod: 'at_end_of_current_billing_period',
      Auto: 'auto',
    })
    expect(subscriptionAdjustmentTimingSchema.options).toEqual(
      Object.values(subscriptionAdjustmentTiming),
    )
  })

  it('an item needs exactly one price', () => {
    expect(terseSubscriptionItemSchema.safeParse({ priceSlug: 'a', quantity: 2 }).success).toBe(
      true,
    )
    expect(terseSubscriptionItemSchema.safeParse({ priceSlug: 'a', priceId: 'b' }).success).toBe(
      false,
    )
  })
})
