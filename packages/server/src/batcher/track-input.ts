import type { UsageEventWireInput } from '../client/wire-types.js'
import { generateTransactionId } from '../handler/transaction-id.js'
import { parseUsageEvent } from '../server/usage-event-input.js'

/**
 * Fills the defaults (amount 1, a transactionId generated now, once, so every retry reuses
 * it) and validates with the strict server schema; throws `validation_error`.
 */
export function prepareTrackedEvent(input: unknown): UsageEventWireInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return parseUsageEvent(input)
  }
  const event = input as Record<string, unknown>
  return parseUsageEvent({
    ...event,
    amount: event.amount === undefined ? 1 : event.amount,
    transactionId:
      event.transactionId === undefined ? generateTransactionId() : event.transactionId,
  })
}
