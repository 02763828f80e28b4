import type {
  CancelSubscriptionParams,
  FlowgladActionKey,
  SubscriptionDetails,
  UncancelSubscriptionParams,
} from '@flowglad/shared/browser'
import type { BillingClient } from './billing-client.js'
import type { ErrorResult } from './results.js'

export type SubscriptionChangeResult = { subscription: SubscriptionDetails } | ErrorResult

/** Cancels or uncancels, then reloads billing so the hook shows the new status. */
export async function changeSubscription(
  client: BillingClient,
  key: typeof FlowgladActionKey.CancelSubscription | typeof FlowgladActionKey.UncancelSubscription,
  params: CancelSubscriptionParams | UncancelSubscriptionParams,
): Promise<SubscriptionChangeResult> {
  const result = await client.call<{ subscription: SubscriptionDetails }>(key, params)
  if ('error' in result) return result
  await client.reload()
  return { subscription: result.data.subscription }
}
