// The route protocol: the Web-standard core, its per-action handlers and the upstream wrapper.
export { flowgladActionHandlers } from './actions/index.js'
export { createFlowgladHandler, defaultBasePath } from './create-flowglad-handler.js'
export { isJsonContentType, readOnlyActionPaths } from './csrf-guard.js'
export type { FlowgladEnvelope } from './envelope.js'
export { defaultMaxBodyBytes, readBodyText, resolveMaxBodyBytes } from './read-json-body.js'
export {
  RequestHandlerError,
  type RequestHandlerInput,
  type RequestHandlerOptions,
  type RequestHandlerOutput,
  requestHandler,
} from './request-handler.js'
export {
  type HybridSubRouteHandler,
  hybridRouteToHandlerMap,
  isHybridActionKey,
  routeToHandlerMap,
  type SubRouteExtras,
  type SubRouteHandler,
  type SubRouteParams,
  type SubRouteResult,
} from './route-to-handler-map.js'
export type {
  ActionContext,
  ActionHandler,
  ActionHandlerMap,
  CheckoutSessionResult,
  FlowgladAdminLike,
  FlowgladHandler,
  FlowgladHandlerOptions,
  FlowgladServerLike,
  HybridActionContext,
  RequestInfo,
  ResolvedUsageEvent,
  ResponseInfo,
  RouteHint,
} from './types.js'
export type { UsagePolicy, UsagePolicyFunction, UsagePolicyRules } from './usage-policy.js'
