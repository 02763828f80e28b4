'use client'
import {
  type GetPurchasesParams,
  type GetPurchasesResponse,
  type Purchase,
  pageAfter,
} from '@flowglad/shared/browser'
import { PURCHASES_QUERY_KEY } from './query-keys.js'
import { type QueryStatus, useActionQuery } from './use-action-query.js'

export interface UsePurchasesResult extends QueryStatus {
  /** `undefined` until loaded. */
  purchases: Purchase[] | undefined
  /** Whether a loaded purchase has this **name** (upstream's rule; billing's check is by product slug). */
  hasPurchased: (purchaseName: string) => boolean
}

/** `purchases/list` (`limit`, `startingAfter` a purchase id), loaded on mount. */
export function usePurchases(params?: GetPurchasesParams): UsePurchasesResult {
  const { data, isLoading, error } = useActionQuery<GetPurchasesResponse>(
    { tag: PURCHASES_QUERY_KEY, action: 'purchases/list', input: params ?? {} },
    (mocks) => ({ purchases: pageAfter(mocks.purchases, (item) => item.id, params) }),
  )
  const purchases = data?.purchases
  const hasPurchased = (name: string) => purchases?.some((item) => item.name === name) ?? false
  return { purchases, hasPurchased, isLoading, error }
}
