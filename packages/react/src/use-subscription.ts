'use client'
import type {
  AdjustSubscriptionParams,
  CancelSubscriptionParams,
  UncancelSubscriptionParams,
} from '@flowglad/shared/browser'
import { useContext } from 'react'
import type { AdjustSubscriptionResult } from './adjust-subscription.js'
import { FlowgladContext } from './context.js'
import { outsideProviderValues } from './context-values.js'
import { errorResult } from './results.js'
import type { SubscriptionChangeResult } from './subscriptions.js'
import { type UseSubscriptionsResult, useSubscriptions } from './use-subscriptions.js'

export interface UseSubscriptionResult extends Pick<UseSubscriptionsResult, 'isLoading' | 'error'> {
  /** The current subscription (`null`: none); `undefined` until loaded. */
  subscription: UseSubscriptionsResult['currentSubscription']
  cancel: (params: Omit<CancelSubscriptionParams, 'id'>) => Promise<SubscriptionChangeResult>
  uncancel: (params?: Omit<UncancelSubscriptionParams, 'id'>) => Promise<SubscriptionChangeResult>
  adjust: (
    params: Omit<AdjustSubscriptionParams, 'subscriptionId'>,
  ) => Promise<AdjustSubscriptionResult>
}

const noSubscription = async () => errorResult('missing_subscription_id', 'No active subscription')

/**
 * The current subscription with its actions. They act on that subscription and, like every
 * action here, resolve to a result or `{ error }` rather than throwing; on success billing and
 * every mounted customer hook refresh.
 */
export function useSubscription(): UseSubscriptionResult {
  const { currentSubscription, isLoading, error } = useSubscriptions()
  const actions = useContext(FlowgladContext)?.actions ?? outsideProviderValues
  const id = currentSubscription?.id
  return {
    subscription: currentSubscription,
    isLoading,
    error,
    cancel: id
      ? (params) => actions.cancelSubscription({ ...params, id } as CancelSubscriptionParams)
      : noSubscription,
    uncancel: id ? (params) => actions.uncancelSubscription({ ...params, id }) : noSubscription,
    adjust: id
      ? (params) =>
          actions.adjustSubscription({ ...params, subscriptionId: id } as AdjustSubscriptionParams)
      : noSubscription,
  }
}
