import { FlowgladError } from '@flowglad/shared/core'
import { prepareTrackedEvent } from '../batcher/track-input.js'
import type { TrackedUsageEventInput } from '../batcher/types.js'
import type { UsageEventWireInput } from '../client/wire-types.js'
import { toOutboxDatabase } from './database.js'
import { insertStatement } from './insert-sql.js'
import { OutboxStore } from './outbox-store.js'
import { isPostgresJs, isQueryable, type OutboxTransaction, runStatement } from './queryable.js'
import { startOutboxRelay } from './relay.js'
import { migrationStatements } from './schema-sql.js'
import { parseTableName } from './table-name.js'
import type { UsageOutbox, UsageOutboxOptions } from './types.js'

const DEFAULT_PURGE_AGE_MS = 7 * 24 * 60 * 60_000

function invalid(message: string): FlowgladError {
  return new FlowgladError('validation_error', message)
}

/** Validates every event first, so a bad one inserts nothing; the error names its index. */
function prepareAll(events: readonly TrackedUsageEventInput[]): UsageEventWireInput[] {
  if (!Array.isArray(events)) throw invalid('trackMany: events must be an array')
  return events.map((event, index) => {
    try {
      return prepareTrackedEvent(event)
    } catch (error) {
      if (!(error instanceof FlowgladError)) throw error
      throw new FlowgladError(error.code, `${error.message} (index ${index})`, {
        status: error.status,
        details: { index, issues: error.details },
        cause: error,
      })
    }
  })
}

function checkTransaction(db: unknown, method: string): asserts db is OutboxTransaction {
  if (typeof db !== 'function' && !isQueryable(db) && !isPostgresJs(db)) {
    throw invalid(
      `${method}: the first argument must be the client of your open transaction (node-postgres client, postgres.js tx) or a (text, values) => Promise executor`,
    )
  }
}

/**
 * A durable usage outbox in PostgreSQL: `track` records usage in the app's own transaction (it
 * exists if and only if the business write committed); relays deliver it through the bulk API.
 */
export function createUsageOutbox(options: UsageOutboxOptions): UsageOutbox {
  if (typeof options !== 'object' || options === null) {
    throw invalid('createUsageOutbox: needs an options object ({ pool, table? })')
  }
  const database = toOutboxDatabase(options.pool)
  const table = parseTableName(options.table)
  const store = new OutboxStore(database, table)

  const statementFor = (events: readonly TrackedUsageEventInput[]) =>
    insertStatement(table, prepareAll(events))

  return {
    table: table.sql,

    async migrate() {
      await database.transaction(async (db) => {
        // Concurrent CREATE ... IF NOT EXISTS can still collide in the catalog: one at a time.
        await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`flowglad:${table.key}`])
        for (const statement of migrationStatements(table)) await db.query(statement)
      })
    },

    async track(db, event) {
      checkTransaction(db, 'track')
      const statement = insertStatement(table, [prepareTrackedEvent(event)])
      await runStatement(db, statement.text, statement.values)
      return statement.transactionIds[0] as string
    },

    async trackMany(db, events) {
      checkTransaction(db, 'trackMany')
      const statement = statementFor(events)
      if (statement.transactionIds.length > 0) {
        await runStatement(db, statement.text, statement.values)
      }
      return statement.transactionIds
    },

    insertStatement: statementFor,

    startRelay(relayOptions) {
      return startOutboxRelay(store, relayOptions)
    },

    stats() {
      return store.counts()
    },

    async purgeDelivered(purgeOptions = {}) {
      return store.purgeDelivered(purgeOptions.olderThanMs ?? DEFAULT_PURGE_AGE_MS)
    },
  }
}
