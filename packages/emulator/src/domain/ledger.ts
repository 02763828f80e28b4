import { newId } from '../ids.js'
import { pair, pushIndex, type State } from '../store/state.js'
import type { LedgerAccountRow, SubscriptionRow } from '../store/types.js'

/** The (subscription, meter) account, created on first use. */
export function ledgerAccount(
  state: State,
  sub: SubscriptionRow,
  usageMeterId: string,
  now: number,
): LedgerAccountRow {
  const key = pair(sub.id, usageMeterId)
  const existingId = state.indexes.accountBySubscriptionMeter.get(key)
  const existing = existingId ? state.tables.ledgerAccounts.get(existingId) : undefined
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
  state.indexes.accountBySubscriptionMeter.set(key, row.id)
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
  account.credits += amount
  if (expiring) account.periodGrant += amount
  account.entryCount += 1
  account.updatedAt = now
  const id = newId('ledger_entry')
  state.tables.ledgerEntries.set(id, {
    id,
    ledgerAccountId: account.id,
    billingPeriodId,
    type: 'credit_grant_recognized',
    direction: 'credit',
    amount,
    createdAt: now,
  })
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
  for (const accountId of state.indexes.accountsBySubscription.get(subscriptionId) ?? []) {
    const account = state.tables.ledgerAccounts.get(accountId)
    if (!account || account.periodBillingPeriodId !== billingPeriodId) continue
    const left = Math.min(account.periodGrant - account.periodDebits, availableBalance(account))
    if (left > 0) {
      account.debits += left
      account.entryCount += 1
      account.updatedAt = at
      const id = newId('ledger_entry')
      state.tables.ledgerEntries.set(id, {
        id,
        ledgerAccountId: account.id,
        billingPeriodId,
        type: 'credit_grant_expired',
        direction: 'debit',
        amount: left,
        createdAt: at,
      })
    }
    account.periodGrant = 0
    account.periodDebits = 0
  }
}

/** A settlement credit for usage that was invoiced, so billed usage is not carried over. */
export function settleUsage(
  state: State,
  account: LedgerAccountRow,
  amount: number,
  billingPeriodId: string,
  at: number,
): void {
  account.credits += amount
  account.entryCount += 1
  account.updatedAt = at
  const id = newId('ledger_entry')
  state.tables.ledgerEntries.set(id, {
    id,
    ledgerAccountId: account.id,
    billingPeriodId,
    type: 'usage_settlement',
    direction: 'credit',
    amount,
    createdAt: at,
  })
}
