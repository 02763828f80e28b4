import { rowsByIndex, type State } from '../store/state.js'
import type { SubscriptionRow } from '../store/types.js'
import { availableBalance } from './ledger.js'

/** `{...UsageMeter, availableBalance, subscriptionId}` for every account with an entry. */
export function usageMeterBalances(state: State, sub: SubscriptionRow) {
  const out = []
  const { ledgerAccounts } = state.tables
  for (const account of rowsByIndex(ledgerAccounts, state.indexes.accountsBySubscription, sub.id)) {
    if (account.entryCount === 0) continue
    const meter = state.tables.usageMeters.get(account.usageMeterId)
    if (!meter) continue
    out.push({ ...meter, availableBalance: availableBalance(account), subscriptionId: sub.id })
  }
  return out
}
