// A TCP port free on 127.0.0.1 right now (test servers bind to loopback only), shared by the
// e2e servers and the Postgres test cluster.
import { createServer } from 'node:net'

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}
