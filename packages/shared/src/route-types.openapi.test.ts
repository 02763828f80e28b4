import { readFileSync } from 'node:fs'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Payment } from './route-types.js'

// `Payment` is written from the OpenAPI document; its keys must be the component's keys.
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T]

const paymentKeys = {
  required: [
    'amount',
    'applicationFee',
    'billingPeriodId',
    'chargeDate',
    'createdAt',
    'currency',
    'customerId',
    'description',
    'failureCode',
    'failureMessage',
    'id',
    'invoiceId',
    'livemode',
    'organizationId',
    'paymentMethod',
    'paymentMethodId',
    'pricingModelId',
    'purchaseId',
    'refunded',
    'refundedAmount',
    'status',
    'subscriptionId',
    'subtotal',
    'taxAmount',
    'taxRatePercentage',
    'taxState',
    'updatedAt',
  ],
  optional: [
    'receiptNumber',
    'receiptURL',
    'refundedAt',
    'settlementDate',
    'taxCountry',
    'taxType',
  ],
} as const

describe('Payment matches the OpenAPI document', () => {
  it('has its keys, optional exactly where the API may leave them out', () => {
    expectTypeOf<OptionalKeys<Payment>>().toEqualTypeOf<(typeof paymentKeys.optional)[number]>()
    expectTypeOf<Exclude<keyof Payment, OptionalKeys<Payment>>>().toEqualTypeOf<
      (typeof paymentKeys.required)[number]
    >()
    const url = new URL('../../../spec/flowglad-openapi.json', import.meta.url)
    const schema = JSON.parse(readFileSync(url, 'utf8')).components.schemas
      .PaymentClientSelectSchema as { properties: object; required: string[] }
    expect(Object.keys(schema.properties).sort()).toEqual(
      [...paymentKeys.required, ...paymentKeys.optional].sort(),
    )
    expect([...schema.required].sort()).toEqual([...paymentKeys.required].sort())
  })
})
