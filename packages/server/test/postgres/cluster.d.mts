export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth, loopback only). */
  connectionString: string
  host: string
  port: number
  /** Where the binaries came from. */
  binDir: string
  /** Shuts the server down and removes its directory; safe to call twice. */
  stop(): Promise<void>
}

export function findPostgresBinaries(): Promise<string>
export function startPostgresCluster(): Promise<PostgresCluster>
export function tolerateIdleDisconnects<
  T extends { on(event: 'error', listener: () => void): unknown },
>(pool: T): T
