import type { UsageEventWireInput } from '../client/wire-types.js'
import type { OutboxTableName } from './table-name.js'

/** A statement for the app's transaction; placeholders `$1…$n` appear once each, in order. */
export interface OutboxInsertStatement {
  text: string
  values: unknown[]
  /** One per event, in order: fixed now, reused by every delivery attempt. */
  transactionIds: string[]
}

/** The meter or price an event counts against: with its transactionId, what the API dedupes on. */
export function eventTarget(event: UsageEventWireInput): string {
  if (event.usageMeterId !== undefined) return `usageMeterId:${event.usageMeterId}`
  if (event.usageMeterSlug !== undefined) return `usageMeterSlug:${event.usageMeterSlug}`
  if (event.priceId !== undefined) return `priceId:${event.priceId}`
  return `priceSlug:${event.priceSlug ?? ''}`
}

/**
 * One multi-row insert for already validated events. A row with the same transactionId and
 * target is skipped, not an error, so an app that tracks twice does not abort its transaction
 * (the API would keep only the first one anyway).
 */
export function insertStatement(
  table: OutboxTableName,
  events: readonly UsageEventWireInput[],
): OutboxInsertStatement {
  const transactionIds = events.map((event) => event.transactionId)
  return {
    // The events go in as JSON text, cast by the server: drivers disagree on how to send jsonb.
    text: `INSERT INTO ${table.sql} (transaction_id, target, event) SELECT u.transaction_id, u.target, u.event::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS u(transaction_id, target, event) ON CONFLICT (transaction_id, target) DO NOTHING`,
    values: [transactionIds, events.map(eventTarget), events.map((event) => JSON.stringify(event))],
    transactionIds,
  }
}
