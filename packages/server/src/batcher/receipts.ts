import type { UsageEvent } from '@flowglad/shared/core'
import type { UsageEventWireInput } from '../client/wire-types.js'
import type { QueuedEvent } from './entry.js'
import type { UsageReceipt } from './types.js'

/** Can this stored row be the one created for `event`? Slugs cannot be told apart here. */
function rowMatches(row: UsageEvent, event: UsageEventWireInput): boolean {
  if (event.usageMeterId !== undefined) return row.usageMeterId === event.usageMeterId
  if (event.priceId !== undefined) return row.priceId === event.priceId
  return true
}

/**
 * The API answers a bulk request with only the rows it inserted; every other event it was sent
 * is one it already held. Rows are matched to events by transactionId (and meter or price id
 * when the event names one), each row to one event.
 */
export function receiptsFor(entries: readonly QueuedEvent[], rows: readonly UsageEvent[]) {
  const byTransaction = new Map<string, UsageEvent[]>()
  for (const row of rows) {
    const list = byTransaction.get(row.transactionId)
    if (list) list.push(row)
    else byTransaction.set(row.transactionId, [row])
  }
  return entries.map((entry): UsageReceipt => {
    const { event } = entry
    const candidates = byTransaction.get(event.transactionId)
    const index = candidates ? candidates.findIndex((row) => rowMatches(row, event)) : -1
    if (candidates && index >= 0) {
      const [usageEvent] = candidates.splice(index, 1)
      return { transactionId: event.transactionId, status: 'created', event, usageEvent }
    }
    return { transactionId: event.transactionId, status: 'duplicate', event }
  })
}
