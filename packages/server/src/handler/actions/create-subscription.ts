import type { ActionHandler } from '../types.js'

/**
 * `subscriptions/create` (upstream answers 501): the schema has no customerId, so the
 * subscription always belongs to the asking customer, whom the SDK injects.
 */
export const createSubscription: ActionHandler<'subscriptions/create'> = (input, { flowglad }) =>
  flowglad.createSubscription(input)
