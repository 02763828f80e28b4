import type { ActionHandler } from '../types.js'

/**
 * `subscriptions/adjust`: the SDK resolves the subscription (the only current one, else the
 * given id, which must be the customer's: 403 `forbidden`, nothing sent) and answers
 * `{ subscription, subscriptionItems, isUpgrade, resolvedTiming }` as the API does.
 */
export const adjustSubscription: ActionHandler<'subscriptions/adjust'> = (input, { flowglad }) =>
  flowglad.adjustSubscription(input)
