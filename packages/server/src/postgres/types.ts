import type {
  TrackedUsageEventInput,
  UsageBatcherClient,
  UsageFailure,
  UsageReceipt,
} from '../batcher/types.js'
import type { OutboxInsertStatement } from './insert-sql.js'
import type { OutboxCounts } from './outbox-store.js'
import type { OutboxPool, OutboxTransaction, PostgresJsClient } from './queryable.js'

export interface UsageOutboxOptions {
  /** A node-postgres `Pool` or a postgres.js client (relays and `migrate` use it; `track` uses the caller's transaction). */
  pool: OutboxPool | PostgresJsClient
  /** `name` or `schema.name` (default `flowglad_usage_outbox`). */
  table?: string
}

export interface UsageOutboxRelayOptions {
  /** Delivers through `bulkCreateUsageEvents`: a `FlowgladServerAdmin`, or a `FlowgladServer` (ownership checked first). */
  client: UsageBatcherClient
  /** Rows claimed and sent per bulk request (default 500). */
  maxBatchSize?: number
  /** Bulk requests in flight at once while the API is healthy (default 4; 1 while it is failing). */
  maxConcurrentRequests?: number
  /** How long an idle relay waits before looking for new rows again (default 1000 ms). */
  pollIntervalMs?: number
  /** The batcher's name for the same wait; `pollIntervalMs` wins when both are given. */
  flushIntervalMs?: number
  /** How long a claim lasts; a relay that dies holding rows frees them after this (default 60 000 ms; keep it above the client's request timeout). */
  leaseMs?: number
  /** Transient failures per row before it is marked failed (default Infinity: never drop usage). */
  maxRetries?: number
  /** Keep delivered rows (status `delivered`, default) or delete them once acknowledged. */
  keepDelivered?: boolean
  onDelivered?: (receipts: UsageReceipt[]) => void
  /** Rows rejected for good (also recorded on the rows). */
  onError?: (failures: UsageFailure[]) => void
  /** The database itself failed (the relay backs off and keeps going). */
  onDatabaseError?: (error: unknown) => void
}

/** What this relay did since it started. */
export interface UsageOutboxRelayCounts {
  /** Acknowledged by the API: created + duplicates. */
  delivered: number
  created: number
  duplicates: number
  failed: number
  /** Rows handed back after a transient failure. */
  retried: number
  databaseErrors: number
}

export interface UsageOutboxStats extends OutboxCounts {
  /** Present on a relay's stats: its own counts. */
  relay?: UsageOutboxRelayCounts
}

export interface UsageOutboxRelay {
  /** Stops claiming and waits for requests in flight (at most `timeoutMs`, default 30 000; then aborts them and hands their rows back). */
  stop(options?: { timeoutMs?: number }): Promise<UsageOutboxStats>
  /** The table's counts plus this relay's own. */
  stats(): Promise<UsageOutboxStats & { relay: UsageOutboxRelayCounts }>
  /** Resolves the next time this relay finds nothing to claim with nothing of its own in flight (serverless cron: start, await `idle()`, stop). */
  idle(): Promise<void>
}

export interface UsageOutbox {
  /** Creates the table and its index if missing; safe on every start and from many instances at once. */
  migrate(): Promise<void>
  /** Validates (strict usage schema; amount 1 and a transactionId filled in) and inserts inside the caller's transaction; returns the transactionId. */
  track(db: OutboxTransaction, event: TrackedUsageEventInput): Promise<string>
  /** `track` for many events in one statement; all are validated first (`validation_error` names the index). */
  trackMany(db: OutboxTransaction, events: readonly TrackedUsageEventInput[]): Promise<string[]>
  /** The validated insert, for running it yourself (placeholders once each, in order). */
  insertStatement(events: readonly TrackedUsageEventInput[]): OutboxInsertStatement
  startRelay(options: UsageOutboxRelayOptions): UsageOutboxRelay
  stats(): Promise<UsageOutboxStats>
  /** Deletes delivered rows settled more than `olderThanMs` ago (default 7 days); returns how many. */
  purgeDelivered(options?: { olderThanMs?: number }): Promise<number>
  /** The quoted table name, for your own queries. */
  readonly table: string
}
