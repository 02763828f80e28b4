import { describe, expect, it } from 'vitest'
import {
  getCustomerDetailsSchema,
  getFeatureAccessItemsSchema,
  getInvoicesSchema,
  getPaymentMethodsSchema,
  getPricingModelSchema,
  getPurchasesSchema,
  getSubscriptionsSchema,
  getUsageMeterBalancesSchema,
} from './reads.js'

describe('read route schemas', () => {
  it('are strict: an unknown key is refused', () => {
    for (const schema of [
      getPricingModelSchema,
      getSubscriptionsSchema,
      getFeatureAccessItemsSchema,
      getPaymentMethodsSchema,
      getCustomerDetailsSchema,
      getInvoicesSchema,
      getPurchasesSchema,
      getUsageMeterBalancesSchema,
    ]) {
      expect(schema.safeParse({}).success).toBe(true)
      expect(schema.safeParse({ other: 1 }).success).toBe(false)
    }
  })

  it('check their fields', () => {
    expect(getSubscriptionsSchema.safeParse({ includeHistorical: true }).success).toBe(true)
    expect(getSubscriptionsSchema.safeParse({ includeHistorical: 'yes' }).success).toBe(false)
    expect(getFeatureAccessItemsSchema.safeParse({ subscriptionId: '' }).success).toBe(false)
    expect(getInvoicesSchema.parse({ limit: 2, startingAfter: 'inv_1' })).toEqual({
      limit: 2,
      startingAfter: 'inv_1',
    })
    expect(getPurchasesSchema.safeParse({ limit: 0 }).error?.issues[0]?.message).toBe(
      'limit must be a positive integer',
    )
  })
})
