'use client'
import type {
  CustomerBillingDetails,
  GetUsageMeterBalancesParams,
  GetUsageMeterBalancesResponse,
  UsageMeterBalance,
} from '@flowglad/shared/browser'
import { USAGE_METERS_QUERY_KEY } from './query-keys.js'
import { type QueryStatus, useActionQuery } from './use-action-query.js'

export interface UseUsageMetersResult extends QueryStatus {
  /** Every balance; `undefined` until loaded. */
  usageMeters: UsageMeterBalance[] | undefined
}

export interface UseUsageMeterResult extends QueryStatus {
  /** The balance of the meter with this slug; `null` until loaded or when there is none. */
  usageMeter: UsageMeterBalance | null
}

function mockBalances(
  mocks: CustomerBillingDetails,
  subscriptionId?: string,
): GetUsageMeterBalancesResponse {
  const balances = (mocks.currentSubscriptions ?? []).flatMap(
    (subscription) => subscription.experimental?.usageMeterBalances ?? [],
  )
  return {
    usageMeterBalances: subscriptionId
      ? balances.filter((balance) => balance.subscriptionId === subscriptionId)
      : balances,
  }
}

/**
 * `usage-meters/balances`, loaded when the first component using it mounts and refreshed after
 * `createUsageEvent`. Dev mode: the balances in `billingMocks.currentSubscriptions`.
 */
export function useUsageMeters(params?: GetUsageMeterBalancesParams): UseUsageMetersResult {
  const { data, isLoading, error } = useActionQuery<GetUsageMeterBalancesResponse>(
    { tag: USAGE_METERS_QUERY_KEY, action: 'usage-meters/balances', input: params ?? {} },
    (mocks) => mockBalances(mocks, params?.subscriptionId),
  )
  return { usageMeters: data?.usageMeterBalances, isLoading, error }
}

/** One meter's balance by slug, from the same (shared) query as `useUsageMeters`. */
export function useUsageMeter(
  usageMeterSlug: string,
  params?: GetUsageMeterBalancesParams,
): UseUsageMeterResult {
  const { usageMeters, isLoading, error } = useUsageMeters(params)
  const usageMeter = usageMeters?.find((balance) => balance.slug === usageMeterSlug) ?? null
  return { usageMeter, isLoading, error }
}
