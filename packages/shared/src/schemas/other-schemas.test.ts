import { describe, expect, it } from 'vitest'
import {
  createActivateSubscriptionCheckoutSessionSchema,
  createAddPaymentMethodCheckoutSessionSchema,
  createProductCheckoutSessionSchema,
} from './checkout-sessions.js'
import { updateCustomerSchema } from './customers.js'
import {
  cancelSubscriptionSchema,
  clientCreateSubscriptionSchema,
  createSubscriptionSchema,
  uncancelSubscriptionSchema,
} from './subscriptions.js'

const urls = { successUrl: 'https://app.test/ok', cancelUrl: 'https://app.test/cancel' }

describe('checkout session schemas', () => {
  it('product: exactly one of priceId / priceSlug, quantity defaults to 1', () => {
    expect(
      createProductCheckoutSessionSchema.parse({ ...urls, priceSlug: 'pro_monthly' }).quantity,
    ).toBe(1)
    const none = createProductCheckoutSessionSchema.safeParse(urls)
    expect(none.error?.issues[0]?.message).toBe(
      'Exactly one of priceId or priceSlug must be provided',
    )
    const both = createProductCheckoutSessionSchema.safeParse({
      ...urls,
      priceId: 'a',
      priceSlug: 'b',
    })
    expect(both.success).toBe(false)
  })

  it('rejects relative URLs with the field named', () => {
    const result = createProductCheckoutSessionSchema.safeParse({
      ...urls,
      successUrl: '/ok',
      priceSlug: 'p',
    })
    expect(result.error?.issues[0]).toMatchObject({
      path: ['successUrl'],
      message: 'successUrl must be an absolute URL',
    })
  })

  it('add payment method: target optional; activate: target required', () => {
    expect(createAddPaymentMethodCheckoutSessionSchema.safeParse(urls).success).toBe(true)
    const missing = createActivateSubscriptionCheckoutSessionSchema.safeParse(urls)
    expect(missing.error?.issues[0]?.path).toEqual(['targetSubscriptionId'])
    expect(
      createActivateSubscriptionCheckoutSessionSchema.safeParse({
        ...urls,
        targetSubscriptionId: 'sub_1',
      }).success,
    ).toBe(true)
  })
})

describe('subscription schemas', () => {
  it('cancel: timing is one of two literals', () => {
    expect(
      cancelSubscriptionSchema.safeParse({ id: 's', cancellation: { timing: 'immediately' } })
        .success,
    ).toBe(true)
    const bad = cancelSubscriptionSchema.safeParse({
      id: 's',
      cancellation: { timing: 'tomorrow' },
    })
    expect(bad.success).toBe(false)
  })

  it('uncancel needs an id', () => {
    expect(uncancelSubscriptionSchema.safeParse({}).error?.issues[0]?.path).toEqual(['id'])
  })

  it('create: customerId required server side, not client side; doNotCharge defaults false', () => {
    expect(createSubscriptionSchema.safeParse({ priceSlug: 'pro_monthly' }).success).toBe(false)
    const parsed = clientCreateSubscriptionSchema.parse({ priceSlug: 'pro_monthly' })
    expect(parsed.doNotCharge).toBe(false)
    expect(clientCreateSubscriptionSchema.safeParse({ priceSlug: 'p', quantity: 0 }).success).toBe(
      false,
    )
    expect(
      clientCreateSubscriptionSchema.safeParse({ priceSlug: 'p', customerId: 'x' }).success,
    ).toBe(false)
  })
})

describe('updateCustomerSchema', () => {
  it('accepts a partial update and rejects a bad email', () => {
    expect(
      updateCustomerSchema.safeParse({ externalId: 'u1', customer: { id: 'c', name: 'N' } })
        .success,
    ).toBe(true)
    const bad = updateCustomerSchema.safeParse({
      externalId: 'u1',
      customer: { id: 'c', email: 'nope' },
    })
    expect(bad.error?.issues[0]).toMatchObject({ path: ['customer', 'email'] })
  })
})
