import type { AdjustSubscriptionParams, AdjustSubscriptionResponse } from '@flowglad/shared/browser'
import type { BillingClient } from './billing-client.js'
import { type ErrorResult, errorResult } from './results.js'
import { refreshCustomerData } from './subscriptions.js'

/** Upstream's success shape (`{ subscription: <route data> }`), or our `{ error }`. */
export type AdjustSubscriptionResult = { subscription: AdjustSubscriptionResponse } | ErrorResult

/**
 * Moves a subscription to another price. Without `subscriptionId` it takes the only current
 * subscription of the loaded billing (as upstream, client-side); before billing has loaded the
 * route handler resolves it the same way. On success billing and the customer hooks refresh.
 */
export async function adjustSubscription(
  client: BillingClient,
  params: AdjustSubscriptionParams,
): Promise<AdjustSubscriptionResult> {
  let { subscriptionId } = params
  const state = client.getState()
  if (!subscriptionId && state.status === 'loaded') {
    const current = state.billing.currentSubscriptions ?? []
    if (current.length !== 1) {
      return errorResult(
        'missing_subscription_id',
        current.length
          ? 'Customer has multiple active subscriptions. Please specify subscriptionId in params.'
          : 'No active subscription found for this customer',
      )
    }
    subscriptionId = current[0]?.id
  }
  const result = await client.call<AdjustSubscriptionResponse>('subscriptions/adjust', {
    ...params,
    subscriptionId,
  })
  if ('error' in result) return result
  await refreshCustomerData(client)
  return { subscription: result.data }
}
