'use client'
import type {
  Customer,
  CustomerDetails,
  GetCustomerDetailsResponse,
} from '@flowglad/shared/browser'
import { CUSTOMER_DETAILS_QUERY_KEY } from './query-keys.js'
import { type QueryStatus, useActionQuery } from './use-action-query.js'

export interface UseCustomerDetailsResult extends QueryStatus {
  /** `undefined` until loaded. */
  customer: CustomerDetails | undefined
}

const isoDate = (value: unknown) =>
  typeof value === 'number' ? new Date(value).toISOString() : String(value)

function profileOf(customer: Customer): CustomerDetails {
  return {
    id: customer.id,
    livemode: customer.livemode,
    email: customer.email,
    name: customer.name ?? null,
    externalId: customer.externalId ?? null,
    createdAt: isoDate(customer.createdAt),
    updatedAt: isoDate(customer.updatedAt),
  }
}

/** `customerDetails`, loaded on mount. */
export function useCustomerDetails(): UseCustomerDetailsResult {
  const { data, isLoading, error } = useActionQuery<GetCustomerDetailsResponse>(
    { tag: CUSTOMER_DETAILS_QUERY_KEY, action: 'customerDetails', input: {} },
    (mocks) => ({ customer: profileOf(mocks.customer) }),
  )
  return { customer: data?.customer, isLoading, error }
}
