import type { UsageEventWireInput } from '../client/wire-types.js'
import type { SqlQueryable } from './queryable.js'
import type { OutboxTableName } from './table-name.js'

/** One claimed row. `id` stays a string: it is a bigint. */
export interface ClaimedRow {
  id: string
  event: UsageEventWireInput
  /** Claims so far, this one included. */
  attempts: number
}

export interface RowFailure {
  id: string
  code: string
  message: string
}

export interface OutboxCounts {
  /** Waiting to be claimed (including rows backing off after a transient failure). */
  pending: number
  /** Claimed by a relay whose lease has not run out. */
  inFlight: number
  delivered: number
  /** Rejected for good; the reason is on the row (`error_code`, `error_message`). */
  failed: number
  /** Age of the oldest row not yet delivered or failed; 0 when there is none. */
  oldestPendingAgeMs: number
}

const leaseHeld = 'lease_owner IS NOT NULL AND available_at > clock_timestamp()'

/** The relays' SQL, one statement per call (autocommit), so no connection is held between them. */
export class OutboxStore {
  readonly #db: SqlQueryable
  readonly #table: string

  constructor(db: SqlQueryable, table: OutboxTableName) {
    this.#db = db
    this.#table = table.sql
  }

  /**
   * Leases up to `limit` claimable rows to `owner` for `leaseMs`. SKIP LOCKED makes concurrent
   * claims from any number of relays disjoint; a row whose claim is committed is not claimable
   * again until its lease runs out.
   */
  async claim(owner: string, limit: number, leaseMs: number): Promise<ClaimedRow[]> {
    const t = this.#table
    const { rows } = await this.#db.query(
      `WITH picked AS (
  SELECT id FROM ${t} WHERE status = 'pending' AND available_at <= clock_timestamp()
  ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED
)
UPDATE ${t} AS o SET available_at = clock_timestamp() + $2 * interval '1 millisecond', lease_owner = $3, attempts = o.attempts + 1
FROM picked WHERE o.id = picked.id
RETURNING o.id::text AS id, o.event, o.attempts`,
      [limit, leaseMs, owner],
    )
    const claimed = rows.map((row) => ({
      id: row.id as string,
      event: row.event as UsageEventWireInput,
      attempts: Number(row.attempts),
    }))
    // RETURNING has no order: send in insertion order.
    return claimed.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
  }

  /** Acknowledged by the API. Only pending rows change, so a row is counted delivered once. */
  async markDelivered(ids: readonly string[], keepRows: boolean): Promise<void> {
    if (ids.length === 0) return
    const t = this.#table
    const text = keepRows
      ? `UPDATE ${t} SET status = 'delivered', settled_at = clock_timestamp(), lease_owner = NULL, error_code = NULL, error_message = NULL WHERE id = ANY($1::bigint[]) AND status = 'pending'`
      : `DELETE FROM ${t} WHERE id = ANY($1::bigint[]) AND status = 'pending'`
    await this.#db.query(text, [ids])
  }

  /** Rejected for good: recorded on the row, never claimed again. */
  async markFailed(failures: readonly RowFailure[]): Promise<void> {
    if (failures.length === 0) return
    await this.#db.query(
      `UPDATE ${this.#table} AS o SET status = 'failed', settled_at = clock_timestamp(), lease_owner = NULL, error_code = f.code, error_message = f.message
FROM unnest($1::bigint[], $2::text[], $3::text[]) AS f(id, code, message)
WHERE o.id = f.id AND o.status = 'pending'`,
      [failures.map((f) => f.id), failures.map((f) => f.code), failures.map((f) => f.message)],
    )
  }

  /** Transient failure: hands `owner`'s rows back, claimable again after `delayMs`. */
  async release(
    owner: string,
    ids: readonly string[],
    delayMs: number,
    error: { code: string; message: string },
  ): Promise<void> {
    if (ids.length === 0) return
    await this.#db.query(
      `UPDATE ${this.#table} SET available_at = clock_timestamp() + $2 * interval '1 millisecond', lease_owner = NULL, error_code = $3, error_message = $4
WHERE id = ANY($1::bigint[]) AND status = 'pending' AND lease_owner = $5`,
      [ids, delayMs, error.code, error.message, owner],
    )
  }

  /** Deletes delivered rows settled more than `olderThanMs` ago; returns how many. */
  async purgeDelivered(olderThanMs: number): Promise<number> {
    const { rowCount } = await this.#db.query(
      `DELETE FROM ${this.#table} WHERE status = 'delivered' AND settled_at < clock_timestamp() - $1 * interval '1 millisecond'`,
      [olderThanMs],
    )
    return rowCount ?? 0
  }

  async counts(): Promise<OutboxCounts> {
    const { rows } = await this.#db.query(
      `SELECT
  count(*) FILTER (WHERE status = 'pending' AND NOT (${leaseHeld})) AS pending,
  count(*) FILTER (WHERE status = 'pending' AND ${leaseHeld}) AS in_flight,
  count(*) FILTER (WHERE status = 'delivered') AS delivered,
  count(*) FILTER (WHERE status = 'failed') AS failed,
  COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(created_at) FILTER (WHERE status = 'pending')) * 1000, 0) AS oldest_ms
FROM ${this.#table}`,
    )
    const row = rows[0] ?? {}
    return {
      pending: Number(row.pending ?? 0),
      inFlight: Number(row.in_flight ?? 0),
      delivered: Number(row.delivered ?? 0),
      failed: Number(row.failed ?? 0),
      oldestPendingAgeMs: Math.max(0, Math.round(Number(row.oldest_ms ?? 0))),
    }
  }
}
