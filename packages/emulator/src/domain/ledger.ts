import { newId } from '../ids.js'
import { forEachByIndex, pushIndex, type State } from '../store/state.js'
import type { LedgerAccountRow, LedgerEntryRow, SubscriptionRow } from '../store/types.js'

/**
 * The (subscription, meter) account, if any. A subscription has one account per meter it
 * used, so scanning its few accounts is cheaper than a (subscription, meter) key index, whose
 * key string would be built for every period a clock move opens.
 */
export function findLedgerAccount(
  state: State,
  subscriptionId: string,
  usageMeterId: string,
): LedgerAccountRow | undefined {
  const ids = state.indexes.accountsBySubscription.get(subscriptionId)
  if (ids === undefined) return undefined
  for (let index = ids.length - 1; index >= 0; index--) {
    const account = state.tables.ledgerAccounts.get(ids[index] as string)
    if (account?.usageMeterId === usageMeterId) return account
  }
  return undefined
}

/** The (subscription, meter) account, created on first use. */
export function ledgerAccount(
  state: State,
  sub: SubscriptionRow,
  usageMeterId: string,
  now: number,
): LedgerAccountRow {
  const existing = findLedgerAccount(state, sub.id, usageMeterId)
  if (existing) return existing
  const row: LedgerAccountRow = {
    id: newId('la'),
    subscriptionId: sub.id,
    usageMeterId,
    pricingModelId: sub.pricingModelId,
    credits: 0,
    debits: 0,
    entryCount: 0,
    periodBillingPeriodId: null,
    periodGrant: 0,
    periodDebits: 0,
    createdAt: now,
    updatedAt: now,
  }
  state.tables.ledgerAccounts.set(row.id, row)
  pushIndex(state.indexes.accountsBySubscription, sub.id, row.id)
  return row
}

function enterPeriod(account: LedgerAccountRow, billingPeriodId: string | null): void {
  if (account.periodBillingPeriodId === billingPeriodId) return
  account.periodBillingPeriodId = billingPeriodId
  account.periodGrant = 0
  account.periodDebits = 0
}

export function availableBalance(account: LedgerAccountRow): number {
  return account.credits - account.debits
}

/** A `usage_cost` debit (folded into the running totals: O(1), no entry row). */
export function debitUsage(
  account: LedgerAccountRow,
  amount: number,
  billingPeriodId: string | null,
  now: number,
): void {
  enterPeriod(account, billingPeriodId)
  account.debits += amount
  account.periodDebits += amount
  account.entryCount += 1
  account.updatedAt = now
}

/**
 * Writes one ledger entry and folds it into the account's running totals (so balance reads
 * never sum entries).
 */
function postEntry(
  state: State,
  account: LedgerAccountRow,
  entry: Pick<LedgerEntryRow, 'type' | 'direction' | 'amount' | 'billingPeriodId'>,
  at: number,
): void {
  if (entry.direction === 'credit') account.credits += entry.amount
  else account.debits += entry.amount
  account.entryCount += 1
  account.updatedAt = at
  const id = newId('ledger_entry')
  state.tables.ledgerEntries.set(id, {
    id,
    ledgerAccountId: account.id,
    billingPeriodId: entry.billingPeriodId,
    type: entry.type,
    direction: entry.direction,
    amount: entry.amount,
    createdAt: at,
  })
}

/** A `credit_grant_recognized` credit; `expiring` grants are settled when the period closes. */
export function grantCredit(
  state: State,
  account: LedgerAccountRow,
  amount: number,
  billingPeriodId: string | null,
  expiring: boolean,
  now: number,
): void {
  enterPeriod(account, billingPeriodId)
  if (expiring) account.periodGrant += amount
  const type = 'credit_grant_recognized'
  postEntry(state, account, { type, direction: 'credit', amount, billingPeriodId }, now)
}

/**
 * Closes a period for every account of the subscription: what is left of the period's
 * expiring grants (usage in the period consumes them first) is debited as `credit_grant_expired`.
 */
export function expirePeriodGrants(
  state: State,
  subscriptionId: string,
  billingPeriodId: string,
  at: number,
): void {
  const { ledgerAccounts } = state.tables
  const accounts = state.indexes.accountsBySubscription
  forEachByIndex(ledgerAccounts, accounts, subscriptionId, (account) => {
    if (account.periodBillingPeriodId !== billingPeriodId) return
    const left = Math.min(account.periodGrant - account.periodDebits, availableBalance(account))
    if (left > 0) {
      const type = 'credit_grant_expired'
      postEntry(state, account, { type, direction: 'debit', amount: left, billingPeriodId }, at)
    }
    account.periodGrant = 0
    account.periodDebits = 0
  })
}

/** A settlement credit for usage that was invoiced, so billed usage is not carried over. */
export function settleUsage(
  state: State,
  account: LedgerAccountRow,
  amount: number,
  billingPeriodId: string,
  at: number,
): void {
  postEntry(
    state,
    account,
    { type: 'usage_settlement', direction: 'credit', amount, billingPeriodId },
    at,
  )
}
