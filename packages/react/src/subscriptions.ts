import type {
  CancelSubscriptionParams,
  FlowgladActionKey,
  SubscriptionDetails,
  UncancelSubscriptionParams,
} from '@flowglad/shared/browser'
import type { BillingClient } from './billing-client.js'
import type { ErrorResult } from './results.js'

export type SubscriptionChangeResult = { subscription: SubscriptionDetails } | ErrorResult

/** After a subscription changed: billing reloads, mounted customer hooks refetch. */
export async function refreshCustomerData(client: BillingClient): Promise<void> {
  client.invalidate()
  await client.reload()
}

/** Cancels or uncancels, then refreshes billing and the customer hooks. */
export async function changeSubscription(
  client: BillingClient,
  key: typeof FlowgladActionKey.CancelSubscription | typeof FlowgladActionKey.UncancelSubscription,
  params: CancelSubscriptionParams | UncancelSubscriptionParams,
): Promise<SubscriptionChangeResult> {
  const result = await client.call<{ subscription: SubscriptionDetails }>(key, params)
  if ('error' in result) return result
  await refreshCustomerData(client)
  return { subscription: result.data.subscription }
}
