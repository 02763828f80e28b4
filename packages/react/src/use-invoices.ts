'use client'
import {
  type GetInvoicesParams,
  type GetInvoicesResponse,
  type InvoiceWithLineItems,
  pageAfter,
} from '@flowglad/shared/browser'
import { INVOICES_QUERY_KEY } from './query-keys.js'
import { type QueryStatus, useActionQuery } from './use-action-query.js'

export interface UseInvoicesResult extends QueryStatus {
  /** `undefined` until loaded. */
  invoices: InvoiceWithLineItems[] | undefined
}

/** `invoices/list` (`limit`, `startingAfter` an invoice id), loaded on mount. */
export function useInvoices(params?: GetInvoicesParams): UseInvoicesResult {
  const { data, isLoading, error } = useActionQuery<GetInvoicesResponse>(
    { tag: INVOICES_QUERY_KEY, action: 'invoices/list', input: params ?? {} },
    (mocks) => ({ invoices: pageAfter(mocks.invoices, (item) => item.invoice.id, params) }),
  )
  return { invoices: data?.invoices, isLoading, error }
}
