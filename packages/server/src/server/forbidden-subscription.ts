import { FlowgladError } from '@flowglad/shared/core'

/** The one refusal for a subscription that is not the customer's (nothing is sent for it). */
export function forbiddenSubscription(subscriptionId: string): FlowgladError {
  return new FlowgladError(
    'forbidden',
    `Subscription ${subscriptionId} is not found among the customer's current subscriptions`,
  )
}
