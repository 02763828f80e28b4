import type { State } from '../store/state.js'
import type { SubscriptionRow } from '../store/types.js'
import { availableBalance } from './ledger.js'

/** `{...UsageMeter, availableBalance, subscriptionId}` for every account with an entry. */
export function usageMeterBalances(state: State, sub: SubscriptionRow) {
  const out = []
  for (const accountId of state.indexes.accountsBySubscription.get(sub.id) ?? []) {
    const account = state.tables.ledgerAccounts.get(accountId)
    if (!account || account.entryCount === 0) continue
    const meter = state.tables.usageMeters.get(account.usageMeterId)
    if (!meter) continue
    out.push({ ...meter, availableBalance: availableBalance(account), subscriptionId: sub.id })
  }
  return out
}
