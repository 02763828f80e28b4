// MCP helpers of `@flowglad/nextjs/server`. Nothing here imports `@vercel/mcp-adapter` at load
// time: apps that serve no MCP need not install it.
export {
  type FeatureAccessCheckParams,
  toolWithFeatureAccessCheck,
} from './feature-access-check.js'
export {
  type CreateMcpHandler,
  type McpHandlerConfig,
  type McpHandlerWithFlowgladOptions,
  type McpServer,
  type McpServerOptions,
  mcpHandlerWithFlowglad,
} from './mcp-handler.js'
export type {
  FlowgladToolRefusal,
  FlowgladToolRefusalReason,
  FlowgladToolRefusalResult,
} from './tool-results.js'
export { toolWithUsageBalanceCheck, type UsageBalanceCheckOptions } from './usage-balance-check.js'
