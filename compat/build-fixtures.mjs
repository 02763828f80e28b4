// Builds each fixture app with its own `next build` (one at a time: a build uses both cores),
// then starts it and sends its MCP route an `initialize`; prints one line per check and closes
// with `N passed, N failed`. A build passes only if Next's own type checks (route exports,
// strict app code) pass too: the apps set no ignoreBuildErrors.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startNext } from '../scripts/next-start.mjs'
import { checkList } from './check-list.mjs'

const compatDir = new URL('.', import.meta.url).pathname
const apps = ['next15-app', 'next16-app']

/**
 * The MCP route loads `@vercel/mcp-adapter` on first use, past the app's bundler (its import
 * carries the bundlers' ignore comments): a bundled copy of that import would fail to find the
 * adapter the app installed, and answer with a JSON-RPC error instead of the server's info.
 */
async function mcpInitialize(cwd) {
  const app = await startNext(cwd)
  try {
    const response = await fetch(`${app.url}/api/mcp/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-03-26',
          capabilities: {},
          clientInfo: { name: 'compat-fixture', version: '0.0.0' },
        },
      }),
    })
    const text = await response.text()
    // Streamable HTTP may answer as one server-sent event: its data line is the JSON-RPC reply.
    const json = text.startsWith('{') ? text : text.match(/^data: (.*)$/m)?.[1]
    const reply = json === undefined ? undefined : JSON.parse(json)
    if (response.status === 200 && reply?.result?.serverInfo !== undefined) return null
    return `${response.status} ${text.slice(0, 500)}\n${app.logs().slice(-2000)}`
  } finally {
    await app.close()
  }
}

const { check, finish } = checkList()
for (const app of apps) {
  const cwd = join(compatDir, app)
  const { version } = JSON.parse(readFileSync(join(cwd, 'node_modules/next/package.json'), 'utf8'))
  const result = spawnSync(join(cwd, 'node_modules/.bin/next'), ['build'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  const built = result.status === 0
  check(
    `${app}: next build (Next ${version})${built ? '' : ` exited ${result.status}`}`,
    built,
    `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`,
  )
  if (!built) continue
  const mcpFailure = await mcpInitialize(cwd).catch((error) => String(error?.stack ?? error))
  check(`${app}: MCP route loads the optional adapter at run time`, mcpFailure === null, mcpFailure)
}
finish()
