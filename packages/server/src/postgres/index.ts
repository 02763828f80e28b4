// @flowglad/server/postgres: the durable usage outbox on a `pg` pool or a postgres.js client. The
// main entry never imports this file, and it imports neither driver: both stay optional peers.

export { createUsageOutbox } from './create-usage-outbox.js'
export type { OutboxInsertStatement } from './insert-sql.js'
export type { OutboxCounts } from './outbox-store.js'
export type {
  OutboxPool,
  OutboxTransaction,
  PostgresJsClient,
  PostgresJsSql,
  SqlExecutor,
  SqlQueryable,
  SqlResult,
} from './queryable.js'
export { DEFAULT_LEASE_MS } from './relay-options.js'
export { DEFAULT_OUTBOX_TABLE } from './table-name.js'
export type {
  UsageOutbox,
  UsageOutboxOptions,
  UsageOutboxRelay,
  UsageOutboxRelayCounts,
  UsageOutboxRelayOptions,
  UsageOutboxStats,
} from './types.js'
