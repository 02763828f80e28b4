import { describe, expect, it, vi } from 'vitest'
import { filesReachedFrom, nodeImportsOf } from '../../../server/test/edge-imports.js'
import pkg from '../../package.json' with { type: 'json' }

// Stands in for an app that never installed the adapter: loading it fails.
vi.mock('@vercel/mcp-adapter', () => {
  throw new Error("Cannot find package '@vercel/mcp-adapter'")
})

const serverEntry = new URL('../server.ts', import.meta.url).pathname

describe('@vercel/mcp-adapter stays an optional peer of @flowglad/nextjs/server', () => {
  it('the entry loads and exposes the MCP helpers without the adapter', async () => {
    const server = await import('../server.js')
    for (const name of [
      'mcpHandlerWithFlowglad',
      'toolWithFeatureAccessCheck',
      'toolWithUsageBalanceCheck',
    ] as const) {
      expect(typeof server[name], name).toBe('function')
    }
  })

  it('no bundler follows an import of the adapter or the MCP SDK from the entry', async () => {
    const reached = await filesReachedFrom(serverEntry)
    expect(reached.some((path) => path.includes('/mcp/'))).toBe(true)
    const mcpPackages = reached.filter((path) =>
      /@vercel\/mcp-adapter|@modelcontextprotocol/.test(path),
    )
    expect(mcpPackages).toEqual([])
  }, 30_000)

  it('the entry, dependencies included, imports no Node builtin (edge-safe)', async () => {
    expect(await nodeImportsOf(serverEntry)).toEqual([])
  }, 30_000)

  it('serving MCP without the adapter answers a JSON-RPC error naming what to install', async () => {
    const { FlowgladServer, mcpHandlerWithFlowglad } = await import('../server.js')
    const reported: unknown[] = []
    const handler = mcpHandlerWithFlowglad(
      () => {},
      () =>
        new FlowgladServer({
          customerExternalId: 'user_1',
          getCustomerDetails: () => ({ name: 'User 1', email: 'user_1@example.test' }),
          apiKey: 'sk_test_x',
        }),
      { onError: (error) => reported.push(error) },
    )
    const response = await handler(new Request('http://127.0.0.1/mcp', { method: 'POST' }))
    expect(response.status).toBe(500)
    const body = (await response.json()) as { jsonrpc: string; error: { message: string } }
    expect(body.jsonrpc).toBe('2.0')
    // The install command names the adapter range this package supports.
    const supported = pkg.peerDependencies['@vercel/mcp-adapter']
    expect(body.error.message).toContain(`npm install @vercel/mcp-adapter@${supported} `)
    expect(body.error.message).toContain('@modelcontextprotocol/sdk')
    expect(reported).toHaveLength(1)
  })
})
