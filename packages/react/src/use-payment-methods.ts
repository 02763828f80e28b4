'use client'
import type { GetPaymentMethodsResponse, PaymentMethod } from '@flowglad/shared/browser'
import { PAYMENT_METHODS_QUERY_KEY } from './query-keys.js'
import { type QueryStatus, useActionQuery } from './use-action-query.js'

export interface UsePaymentMethodsResult extends QueryStatus {
  /** `undefined` until loaded. */
  paymentMethods: PaymentMethod[] | undefined
  /** The customer's billing portal (`null`: none); `undefined` until loaded. */
  billingPortalUrl: string | null | undefined
}

/** `payment-methods/list`, loaded on mount. */
export function usePaymentMethods(): UsePaymentMethodsResult {
  const { data, isLoading, error } = useActionQuery<GetPaymentMethodsResponse>(
    { tag: PAYMENT_METHODS_QUERY_KEY, action: 'payment-methods/list', input: {} },
    (mocks) => ({
      paymentMethods: mocks.paymentMethods,
      billingPortalUrl: mocks.billingPortalUrl ?? null,
    }),
  )
  return {
    paymentMethods: data?.paymentMethods,
    billingPortalUrl: data?.billingPortalUrl,
    isLoading,
    error,
  }
}
