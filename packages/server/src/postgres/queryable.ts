/** One result as node-postgres returns it (only the part the outbox reads). */
export interface SqlResult {
  rows: Record<string, unknown>[]
  rowCount?: number | null
}

/** A connection or pool that runs one parameterised statement: node-postgres `Pool`, `PoolClient` or `Client`. */
export interface SqlQueryable {
  // biome-ignore lint/suspicious/noExplicitAny: node-postgres' own signature types `values` as any[]
  query(text: string, values?: any[]): Promise<SqlResult>
}

/** A postgres.js client, or the `tx` of `sql.begin(async (tx) => …)`: only `unsafe` is used. */
export interface PostgresJsSql {
  // biome-ignore lint/suspicious/noExplicitAny: postgres.js types its parameters per client
  unsafe(text: string, values?: any[]): PromiseLike<Record<string, unknown>[] & { count?: number }>
}

/** A postgres.js client the relays and `migrate` can use (`postgres(url)`). */
export interface PostgresJsClient extends PostgresJsSql {
  // biome-ignore lint/suspicious/noExplicitAny: postgres.js' TransactionSql, not imported here
  begin(run: (tx: any) => Promise<unknown>): PromiseLike<unknown>
}

/**
 * A raw-SQL runner for ORMs, called with `$1…$n` placeholders (each once, in order) and their
 * values, inside the app's transaction; e.g. Prisma's `(text, values) => tx.$executeRawUnsafe(text, ...values)`.
 */
export type SqlExecutor = (text: string, values: unknown[]) => Promise<unknown>

/** Where `track` writes: the app's transaction, as a node-postgres client, a postgres.js `tx` or an ORM executor. */
export type OutboxTransaction = SqlQueryable | PostgresJsSql | SqlExecutor

/** What `createUsageOutbox` needs: node-postgres' `Pool` fits. */
export interface OutboxPool extends SqlQueryable {
  connect(): Promise<SqlQueryable & { release(error?: Error | boolean): void }>
}

export function isQueryable(value: unknown): value is SqlQueryable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { query?: unknown }).query === 'function'
  )
}

/** postgres.js clients are functions (tagged templates) with an `unsafe` method. */
export function isPostgresJs(value: unknown): value is PostgresJsSql {
  return (
    (typeof value === 'function' || (typeof value === 'object' && value !== null)) &&
    typeof (value as { unsafe?: unknown }).unsafe === 'function'
  )
}

/** Runs one statement on any kind of transaction handle. */
export async function runStatement(
  db: OutboxTransaction,
  text: string,
  values: unknown[],
): Promise<void> {
  if (isPostgresJs(db)) await db.unsafe(text, values)
  else if (typeof db === 'function') await db(text, values)
  else await db.query(text, values)
}
