'use client'
import type {
  GetSubscriptionsParams,
  GetSubscriptionsResponse,
  SubscriptionDetails,
} from '@flowglad/shared/browser'
import { SUBSCRIPTIONS_QUERY_KEY } from './query-keys.js'
import { type QueryStatus, useActionQuery } from './use-action-query.js'

export interface UseSubscriptionsResult extends QueryStatus {
  /** The current subscriptions, or all of them with `includeHistorical`; `undefined` until loaded. */
  subscriptions: SubscriptionDetails[] | undefined
  currentSubscriptions: SubscriptionDetails[] | undefined
  /** The first current subscription (`null`: none); `undefined` until loaded. */
  currentSubscription: SubscriptionDetails | null | undefined
}

/** `subscriptions/list`, loaded on mount; refreshed by cancel, uncancel and adjust. */
export function useSubscriptions(params?: GetSubscriptionsParams): UseSubscriptionsResult {
  const { data, isLoading, error } = useActionQuery<GetSubscriptionsResponse>(
    { tag: SUBSCRIPTIONS_QUERY_KEY, action: 'subscriptions/list', input: params ?? {} },
    (mocks) => {
      const current = mocks.currentSubscriptions ?? []
      return {
        subscriptions: params?.includeHistorical ? mocks.subscriptions : current,
        currentSubscriptions: current,
        currentSubscription: current[0] ?? null,
      }
    },
  )
  return {
    subscriptions: data?.subscriptions,
    currentSubscriptions: data?.currentSubscriptions,
    currentSubscription: data?.currentSubscription,
    isLoading,
    error,
  }
}
