import type { ActionHandler } from '../types.js'

/** `subscriptions/uncancel`: ownership is checked inside the SDK (403 `forbidden`). */
export const uncancelSubscription: ActionHandler<'subscriptions/uncancel'> = (
  input,
  { flowglad },
) => flowglad.uncancelSubscription(input)
