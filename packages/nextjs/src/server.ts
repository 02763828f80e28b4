// `@flowglad/nextjs/server`: the Next.js route adapters plus the whole server API
// (FlowgladServer, FlowgladServerAdmin, requestHandler, createFlowgladHandler, verifyWebhook,
// WebhookVerificationError, ...), as upstream, and `webhookRouteHandler` for the webhook route.
export * from '@flowglad/server'
export * from './mcp/index.js'
export {
  type FlowgladCatchAllParams,
  type LegacyNextRouteContext,
  type NextRouteContext,
  type NextRouteHandler,
  type NextRouteHandlerOptions,
  nextRouteHandler,
} from './next-route-handler.js'
export { type PagesRouteHandlerOptions, pagesRouteHandler } from './pages-route-handler.js'
export { type WebhookRouteHandlerOptions, webhookRouteHandler } from './webhook-route-handler.js'
