'use client'
import {
  type CustomerDetails,
  customerDetailsOf,
  type GetCustomerDetailsResponse,
} from '@flowglad/shared/browser'
import { CUSTOMER_DETAILS_QUERY_KEY } from './query-keys.js'
import { type QueryStatus, useActionQuery } from './use-action-query.js'

export interface UseCustomerDetailsResult extends QueryStatus {
  /** `undefined` until loaded. */
  customer: CustomerDetails | undefined
}

/** `customerDetails`, loaded on mount. */
export function useCustomerDetails(): UseCustomerDetailsResult {
  const { data, isLoading, error } = useActionQuery<GetCustomerDetailsResponse>(
    { tag: CUSTOMER_DETAILS_QUERY_KEY, action: 'customerDetails', input: {} },
    (mocks) => ({ customer: customerDetailsOf(mocks.customer) }),
  )
  return { customer: data?.customer, isLoading, error }
}
