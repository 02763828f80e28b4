// What a postgres test file uses: the shared throwaway cluster (started on first use by the
// globalSetup broker) and a database of its own in it, so files never see each other's rows.
import pg from 'pg'
import { inject } from 'vitest'
import { tolerateIdleDisconnects } from './cluster.mjs'

let serverUrl: Promise<string> | undefined

async function askBroker(): Promise<string> {
  const response = await fetch(inject('postgresBrokerUrl'), { method: 'POST' })
  const body = await response.text()
  if (!response.ok) throw new Error(`starting PostgreSQL for the tests failed: ${body}`)
  return (JSON.parse(body) as { connectionString: string }).connectionString
}

/** The cluster's admin connection string (`postgres` database). */
export function postgresServerUrl(): Promise<string> {
  serverUrl ??= askBroker()
  return serverUrl
}

let counter = 0

export interface TestDatabase {
  connectionString: string
  pool: pg.Pool
  /** Ends the pool and drops the database. */
  drop(): Promise<void>
}

/** A new, empty database with a pool on it. */
export async function createTestDatabase(prefix = 'outbox'): Promise<TestDatabase> {
  const admin = await postgresServerUrl()
  counter += 1
  const name = `${prefix}_${process.pid}_${counter}_${Date.now() % 1e6}`
  const adminClient = new pg.Client({ connectionString: admin })
  await adminClient.connect()
  await adminClient.query(`CREATE DATABASE "${name}"`)
  await adminClient.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  const connectionString = url.toString()
  const pool = tolerateIdleDisconnects(new pg.Pool({ connectionString, max: 10 }))
  return {
    connectionString,
    pool,
    async drop() {
      await pool.end()
      const client = new pg.Client({ connectionString: admin })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await client.end()
    },
  }
}
