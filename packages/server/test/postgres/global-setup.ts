// vitest globalSetup for the server project. Starting PostgreSQL costs a couple of seconds, so
// nothing starts here: this only opens a loopback "broker" whose first request starts one
// throwaway cluster. Runs that include no postgres test never ask it, and pay nothing.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TestProject } from 'vitest/node'
import { type PostgresCluster, startPostgresCluster } from './cluster.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresBrokerUrl: string
  }
}

export default async function setup(project: TestProject) {
  let cluster: Promise<PostgresCluster> | undefined
  const broker = createServer((_request, response) => {
    cluster ??= startPostgresCluster()
    cluster.then(
      ({ connectionString }) => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ connectionString }))
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' })
        response.end(error instanceof Error ? error.message : String(error))
      },
    )
  })
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve))
  const { port } = broker.address() as AddressInfo
  project.provide('postgresBrokerUrl', `http://127.0.0.1:${port}/`)

  return async () => {
    await new Promise<void>((resolve) => broker.close(() => resolve()))
    if (cluster) await (await cluster.catch(() => undefined))?.stop()
  }
}
