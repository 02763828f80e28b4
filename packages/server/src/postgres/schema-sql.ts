import type { OutboxTableName } from './table-name.js'

/**
 * The outbox table. A row is `pending` until the API acknowledged it (`delivered`) or rejected
 * it for good (`failed`). `available_at` is when it may next be claimed: a claim pushes it one
 * lease ahead (so a crashed relay's rows come back by themselves), a transient failure one
 * backoff ahead. Times are the database's clock, so relays on several hosts agree.
 */
export function migrationStatements({ sql: table, base }: OutboxTableName): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${table} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id text NOT NULL,
  target text NOT NULL,
  event jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  available_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  lease_owner text,
  settled_at timestamptz,
  error_code text,
  error_message text,
  CONSTRAINT "${base}_status_check" CHECK (status IN ('pending', 'delivered', 'failed')),
  CONSTRAINT "${base}_idempotency" UNIQUE (transaction_id, target)
)`,
    // Claims read this index in order; settled rows are not in it, so it stays small.
    `CREATE INDEX IF NOT EXISTS "${base}_claimable" ON ${table} (available_at, id) WHERE status = 'pending'`,
  ]
}
