import { FlowgladError } from '@flowglad/shared/core'

export const DEFAULT_OUTBOX_TABLE = 'flowglad_usage_outbox'

/** A lower-case identifier short enough that `<table>_claimable` etc. stay within 63 bytes. */
const identifier = /^[a-z_][a-z0-9_]{0,39}$/

export interface OutboxTableName {
  /** Quoted and schema-qualified, ready for SQL text. */
  sql: string
  /** The bare table name, for index and constraint names. */
  base: string
  /** As given (or the default): the advisory lock key of `migrate`. */
  key: string
}

/** Checks `table` (`name` or `schema.name`) and quotes it: names go into SQL text, never values. */
export function parseTableName(table: unknown = DEFAULT_OUTBOX_TABLE): OutboxTableName {
  const parts = typeof table === 'string' ? table.split('.') : []
  if (parts.length < 1 || parts.length > 2 || !parts.every((part) => identifier.test(part))) {
    throw new FlowgladError(
      'validation_error',
      `createUsageOutbox: table must be "name" or "schema.name" of lower-case letters, digits and _ (at most 40 each), got ${JSON.stringify(table)}`,
    )
  }
  return {
    sql: parts.map((part) => `"${part}"`).join('.'),
    base: parts.at(-1) as string,
    key: parts.join('.'),
  }
}
