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

  it.each([0, -1, 1.5, '2'])('rejects quantity %j with the field named', (quantity) => {
    const result = createProductCheckoutSessionSchema.safeParse({
      ...urls,
      priceSlug: 'p',
      quantity,
    })
    expect(result.error?.issues).toMatchObject([
      { path: ['quantity'], message: 'quantity must be a positive integer' },
    ])
  })

  it('accepts the session type upstream clients send only when it matches the schema', () => {
    expect(
      createProductCheckoutSessionSchema.safeParse({ ...urls, priceSlug: 'p', type: 'product' })
        .success,
    ).toBe(true)
    const wrong = createAddPaymentMethodCheckoutSessionSchema.safeParse({
      ...urls,
      type: 'product',
    })
    expect(wrong.error?.issues[0]).toMatchObject({
      path: ['type'],
      message: "type must be 'add_payment_method' for this checkout",
    })
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

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://app.test/ok',
    'file:///etc/passwd',
  ])('rejects the non-http(s) redirect %s on every checkout', (cancelUrl) => {
    for (const schema of [
      createProductCheckoutSessionSchema,
      createAddPaymentMethodCheckoutSessionSchema,
    ]) {
      const result = schema.safeParse({ ...urls, cancelUrl, priceSlug: 'p' })
      expect(result.error?.issues).toContainEqual(
        expect.objectContaining({
          path: ['cancelUrl'],
          message: 'cancelUrl must be an http or https URL',
        }),
      )
    }
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
    for (const [cancellation, path] of [
      [{ timing: 'tomorrow' }, ['cancellation', 'timing']],
      ['immediately', ['cancellation']],
      [undefined, ['cancellation']],
    ] as const) {
      const bad = cancelSubscriptionSchema.safeParse({ id: 's', cancellation })
      expect(bad.error?.issues).toMatchObject([
        {
          path,
          message:
            "cancellation.timing must be 'at_end_of_current_billing_period' or 'immediately'",
        },
      ])
    }
  })

  it('uncancel needs an id', () => {
    expect(uncancelSubscriptionSchema.safeParse({}).error?.issues[0]?.path).toEqual(['id'])
  })

  it('create: customerId required server side, not client side; doNotCharge defaults false', () => {
    expect(createSubscriptionSchema.safeParse({ priceSlug: 'pro_monthly' }).success).toBe(false)
    const parsed = clientCreateSubscriptionSchema.parse({ priceSlug: 'pro_monthly' })
    expect(parsed.doNotCharge).toBe(false)
    for (const [field, value] of [
      ['quantity', 0],
      ['quantity', '2'],
      ['intervalCount', 1.5],
    ] as const) {
      expect(
        clientCreateSubscriptionSchema.safeParse({ priceSlug: 'p', [field]: value }).error?.issues,
      ).toMatchObject([{ path: [field], message: `${field} must be a positive integer` }])
    }
    expect(
      clientCreateSubscriptionSchema.safeParse({ priceId: 'a', priceSlug: 'b' }).error?.issues,
    ).toMatchObject([{ path: [], message: 'Exactly one of priceId or priceSlug must be provided' }])
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
