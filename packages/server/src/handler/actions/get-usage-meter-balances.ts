import type { ActionHandler } from '../types.js'

/** `usage-meters/balances`: the customer's balances, optionally for one of its subscriptions. */
export const getUsageMeterBalances: ActionHandler<'usage-meters/balances'> = (
  input,
  { flowglad },
) => flowglad.getUsageMeterBalances({ subscriptionId: input.subscriptionId })
