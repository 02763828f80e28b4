import type { FlowgladServer } from '@flowglad/server'
import { describeFailure } from './describe-failure.js'
import { loadMcpAdapter, type McpAdapterModule } from './load-mcp-adapter.js'
import { bindToolsToRequestFlowglad } from './request-flowglad.js'

export type CreateMcpHandler = McpAdapterModule['createMcpHandler']
/** The MCP SDK's `McpServer`, as the adapter hands it over (its own copy of the SDK's types). */
export type McpServer = Parameters<Parameters<CreateMcpHandler>[0]>[0]
export type McpServerOptions = Parameters<CreateMcpHandler>[1]
export type McpHandlerConfig = Parameters<CreateMcpHandler>[2]

export interface McpHandlerWithFlowgladOptions {
  /**
   * The adapter's `createMcpHandler`. Pass it (imported from `@vercel/mcp-adapter` in your
   * route) so your bundler and file tracing see the adapter; without it, it is loaded at the
   * first request.
   */
  createMcpHandler?: CreateMcpHandler
  /** The MCP server's options, e.g. `{ serverInfo: { name, version } }`. */
  serverOptions?: McpServerOptions
  /** The adapter's config, e.g. `{ basePath: '/api' }` for `app/api/[transport]/route.ts`. */
  config?: McpHandlerConfig
  /** Gets what `makeFlowglad` or your `register` threw (the client gets a JSON-RPC error). */
  onError?: (error: unknown) => void
}

/**
 * An App Router handler (`export { handler as GET, handler as POST }`) serving MCP over
 * Streamable HTTP through `@vercel/mcp-adapter`. Per request: `makeFlowglad(request)` builds
 * the caller's FlowgladServer, then `register(server, flowglad)` adds the tools. The request
 * type is the one `makeFlowglad` declares (`NextRequest` as upstream, or a plain `Request`).
 */
export function mcpHandlerWithFlowglad<AppRequest extends Request = Request>(
  register: (server: McpServer, flowglad: FlowgladServer) => void | Promise<void>,
  makeFlowglad: (request: AppRequest) => FlowgladServer | Promise<FlowgladServer>,
  options: McpHandlerWithFlowgladOptions = {},
): (request: AppRequest) => Promise<Response> {
  const fail = (error: unknown, publicMessage?: string) => {
    options.onError?.(error)
    return jsonRpcErrorResponse(error, publicMessage)
  }
  return async (request) => {
    let flowglad: FlowgladServer
    try {
      flowglad = await makeFlowglad(request)
    } catch (error) {
      return fail(error)
    }
    let createMcpHandler: CreateMcpHandler
    try {
      createMcpHandler = options.createMcpHandler ?? (await loadMcpAdapter()).createMcpHandler
    } catch (error) {
      // Its message names the packages to install: the developer needs to read it.
      return fail(error, (error as Error).message)
    }
    // A throw inside the adapter's server set-up would never settle its response: keep it here.
    let registerFailure: { error: unknown } | undefined
    const handle = createMcpHandler(
      async (server) => {
        bindToolsToRequestFlowglad(server, flowglad)
        try {
          await register(server, flowglad)
        } catch (error) {
          registerFailure = { error }
        }
      },
      options.serverOptions,
      options.config,
    )
    const response = await handle(request)
    if (registerFailure) return fail(registerFailure.error, 'The MCP tools could not be registered')
    return response
  }
}

/** JSON-RPC's "server error" range; the HTTP status says which kind. */
const jsonRpcServerError = -32000

function jsonRpcErrorResponse(error: unknown, publicMessage?: string): Response {
  const { status, detail } = describeFailure(error)
  return Response.json(
    {
      jsonrpc: '2.0',
      error: { code: jsonRpcServerError, message: publicMessage ?? detail },
      id: null,
    },
    { status },
  )
}
