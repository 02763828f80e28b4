import type { ActionHandler } from '../types.js'

/** `subscriptions/cancel`: ownership is checked inside the SDK (403 `forbidden`). */
export const cancelSubscription: ActionHandler<'subscriptions/cancel'> = (input, { flowglad }) =>
  flowglad.cancelSubscription(input)
