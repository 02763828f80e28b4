// `@flowglad/nextjs/server`: the Next.js route adapters plus the whole server API
// (FlowgladServer, FlowgladServerAdmin, requestHandler, createFlowgladHandler, ...), as upstream.
export * from '@flowglad/server'
export {
  type FlowgladCatchAllParams,
  type NextRouteContext,
  type NextRouteHandler,
  type NextRouteHandlerOptions,
  nextRouteHandler,
} from './next-route-handler.js'
export { type PagesRouteHandlerOptions, pagesRouteHandler } from './pages-route-handler.js'
