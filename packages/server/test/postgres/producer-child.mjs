// A child process of processes.postgres.test.ts: an app that records each order and its usage
// event in one transaction, and prints the transactionId once COMMIT returned. With
// RELAY=1 it also runs a relay in-process, as a web app would. The test SIGKILLs it mid-stream.
import pg from 'pg'
import { FlowgladServerAdmin } from '../../dist/index.js'
import { createUsageOutbox } from '../../dist/postgres/index.js'
import { tolerateIdleDisconnects } from './cluster.mjs'

const { DATABASE_URL, API_URL, SUBSCRIPTION_ID, RELAY, PRODUCE } = process.env
const pool = tolerateIdleDisconnects(new pg.Pool({ connectionString: DATABASE_URL, max: 4 }))
const outbox = createUsageOutbox({ pool })
await outbox.migrate()

if (RELAY === '1') {
  const client = new FlowgladServerAdmin({
    apiKey: 'sk_test_outbox',
    baseURL: API_URL,
    maxRetries: 0,
  })
  outbox.startRelay({ client, pollIntervalMs: 20, maxBatchSize: 50, leaseMs: 1_000 })
}
console.log('ready')

if (PRODUCE === '1') {
  for (;;) {
    const db = await pool.connect()
    try {
      await db.query('BEGIN')
      const transactionId = await outbox.track(db, {
        subscriptionId: SUBSCRIPTION_ID,
        usageMeterSlug: 'api_calls',
        amount: 1,
      })
      await db.query('INSERT INTO orders (transaction_id) VALUES ($1)', [transactionId])
      await db.query('COMMIT')
      console.log(`committed ${transactionId}`)
    } finally {
      db.release()
    }
  }
}
