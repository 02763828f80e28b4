import { FlowgladError } from '@flowglad/shared/core'
import { generateTransactionId } from '../transaction-id.js'
import type { ActionHandler, FlowgladServerLike, ResolvedUsageEvent } from '../types.js'
import { enforceUsagePolicy } from '../usage-policy.js'

/**
 * `usage-events/create` from the browser: fill the defaults (amount 1, the current
 * subscription, a fresh transactionId), refuse a subscription the customer does not own,
 * apply the usage policy, then record it. The ownership list is cached in the SDK, so a
 * warm call costs one API request.
 */
export const createUsageEvent: ActionHandler<'usage-events/create'> = async (
  input,
  { flowglad, customerExternalId, usagePolicy },
) => {
  const subscriptionId = await resolveSubscriptionId(input.subscriptionId, flowglad)
  const { properties, usageDate, ...rest } = input
  // The schema already enforced exactly one identifier; TypeScript cannot see that.
  const event = {
    ...rest,
    amount: input.amount ?? 1,
    subscriptionId,
    transactionId: input.transactionId ?? generateTransactionId(),
    // null means "absent" on the wire; the strict server schema wants it left out.
    ...(properties != null && { properties }),
    ...(usageDate != null && { usageDate }),
  } as ResolvedUsageEvent
  await enforceUsagePolicy(usagePolicy, event, customerExternalId)
  // Only the event: nothing else of the API's answer reaches the browser.
  return { usageEvent: (await flowglad.createUsageEvent(event)).usageEvent }
}

async function resolveSubscriptionId(
  requested: string | undefined,
  flowglad: FlowgladServerLike,
): Promise<string> {
  if (requested !== undefined) {
    await flowglad.assertOwnsSubscription(requested)
    return requested
  }
  const { currentSubscriptionId } = await flowglad.getOwnedSubscriptions()
  if (currentSubscriptionId === null) {
    throw new FlowgladError(
      'missing_subscription_id',
      'subscriptionId required: no current subscription found',
    )
  }
  return currentSubscriptionId
}
