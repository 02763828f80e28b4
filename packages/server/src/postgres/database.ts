import { FlowgladError } from '@flowglad/shared/core'
import {
  isPostgresJs,
  isQueryable,
  type OutboxPool,
  type PostgresJsClient,
  type PostgresJsSql,
  type SqlQueryable,
  type SqlResult,
} from './queryable.js'

/** The outbox's own connection, whichever driver the app uses. */
export interface OutboxDatabase extends SqlQueryable {
  /** Runs `work` in one transaction on one connection (COMMIT, or ROLLBACK if it throws). */
  transaction(work: (db: SqlQueryable) => Promise<void>): Promise<void>
}

function fromPg(pool: OutboxPool): OutboxDatabase {
  return {
    query: (text, values) => pool.query(text, values),
    async transaction(work) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        await work(client)
        await client.query('COMMIT')
        client.release()
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        client.release(error instanceof Error ? error : true)
        throw error
      }
    },
  }
}

function postgresJsQueryable(sql: PostgresJsSql): SqlQueryable {
  return {
    async query(text, values): Promise<SqlResult> {
      const rows = await sql.unsafe(text, values ?? [])
      return { rows: [...rows], rowCount: rows.count ?? rows.length }
    },
  }
}

function fromPostgresJs(sql: PostgresJsClient): OutboxDatabase {
  return {
    ...postgresJsQueryable(sql),
    async transaction(work) {
      await sql.begin((tx: PostgresJsSql) => work(postgresJsQueryable(tx)))
    },
  }
}

/** Accepts a node-postgres `Pool` or a postgres.js client; anything else is a `validation_error`. */
export function toOutboxDatabase(pool: unknown): OutboxDatabase {
  if (isPostgresJs(pool) && typeof (pool as { begin?: unknown }).begin === 'function') {
    return fromPostgresJs(pool as PostgresJsClient)
  }
  if (isQueryable(pool) && typeof (pool as { connect?: unknown }).connect === 'function') {
    return fromPg(pool as OutboxPool)
  }
  throw new FlowgladError(
    'validation_error',
    'createUsageOutbox: `pool` must be a node-postgres Pool or a postgres.js client',
  )
}
