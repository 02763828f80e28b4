// Upstream's MCP helper with the adapter loaded on first use (no `createMcpHandler` passed):
// the route must build without the app's bundler following that import, and at run time load
// the adapter this app installs (build-fixtures.mjs sends it an MCP `initialize`).
import { mcpHandlerWithFlowglad } from '@flowglad/nextjs/server'
import { flowglad } from '../../../../lib/flowglad'

const handler = mcpHandlerWithFlowglad(
  () => {},
  () => flowglad('mcp-fixture-customer'),
  { config: { basePath: '/api/mcp' } },
)

export { handler as GET, handler as POST }
