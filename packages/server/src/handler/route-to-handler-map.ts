import {
  type AuthenticatedActionKey,
  FlowgladActionKey,
  FlowgladError,
  flowgladRoutes,
  type HybridActionKey,
  isHybridActionKey,
} from '@flowglad/shared/core'
import { actionInput } from './action-input.js'
import { flowgladActionHandlers } from './actions/index.js'
import { toErrorAnswer } from './to-error-answer.js'
import type {
  ActionHandler,
  FlowgladAdminLike,
  FlowgladServerLike,
  HybridActionContext,
} from './types.js'
import type { UsagePolicy } from './usage-policy.js'

// Upstream's per-key maps, for apps that wire their own adapter: `(params, server) → result`.
// Derived from the one action table and its handlers: same validation, same error codes. Marked
// pure: an app that never imports these maps does not carry them (the ESM build is one file).

/** What the app's adapter hands over: the method and the parsed body (or query). */
export interface SubRouteParams {
  method: string
  data?: unknown
}

/** Upstream's result: `data` on success, `error: { code, json }` (catalogue code) otherwise. */
export interface SubRouteResult {
  // Upstream's type: any non-null value (`{}` on errors).
  // biome-ignore lint/complexity/noBannedTypes: mirrors upstream's declared `data: {}`
  data: {}
  status: number
  error?: { code: string; json: Record<string, unknown> }
}

/** Optional extras our handler core normally supplies; pass `request` to hold checkout redirects to the app's origin. */
export interface SubRouteExtras {
  request?: Request
  allowedOrigins?: readonly string[]
  usagePolicy?: UsagePolicy
}

export type SubRouteHandler<_K extends AuthenticatedActionKey = AuthenticatedActionKey> = (
  params: SubRouteParams,
  flowgladServer: FlowgladServerLike,
  extras?: SubRouteExtras,
) => Promise<SubRouteResult>

export type HybridSubRouteHandler<_K extends HybridActionKey = HybridActionKey> = (
  params: SubRouteParams,
  context: { flowgladServer: FlowgladServerLike | null; flowgladServerAdmin: FlowgladAdminLike },
  extras?: SubRouteExtras,
) => Promise<SubRouteResult>

/** Method (405), externalId (403) and input (400) checks, in the core's order. */
function parsedInput(key: FlowgladActionKey, params: SubRouteParams, customerId: string | null) {
  const action = flowgladRoutes[key]
  const method = typeof params?.method === 'string' ? params.method.toUpperCase() : ''
  if (method !== action.method) {
    throw new FlowgladError('method_not_allowed', `${key} accepts ${action.method}`)
  }
  return actionInput(key, params.data ?? {}, customerId)
}

async function settle(run: () => Promise<unknown>): Promise<SubRouteResult> {
  try {
    return { data: (await run()) ?? {}, status: 200 }
  } catch (error) {
    const { status, body } = toErrorAnswer(error)
    return { data: {}, status, error: body }
  }
}

async function customerIdOf(server: FlowgladServerLike | null): Promise<string | null> {
  if (server === null) return null
  return (await server.getRequestingCustomerId?.()) ?? null
}

function contextOf(
  customerExternalId: string | null,
  flowglad: FlowgladServerLike | null,
  admin: FlowgladAdminLike | undefined,
  extras: SubRouteExtras = {},
): HybridActionContext {
  return {
    customerExternalId,
    flowglad,
    flowgladAdmin: () => {
      if (admin === undefined) throw new FlowgladError('internal_error', 'No admin client given')
      return admin
    },
    request: extras.request,
    usagePolicy: extras.usagePolicy,
    allowedOrigins: extras.allowedOrigins,
  }
}

const handlerOf = (key: FlowgladActionKey) =>
  flowgladActionHandlers[key] as ActionHandler<FlowgladActionKey>

/** Every key that needs a signed-in customer → its upstream-shaped handler. */
function authenticatedRoutes() {
  const keys = Object.values(FlowgladActionKey).filter((key) => !isHybridActionKey(key))
  return Object.fromEntries(
    keys.map((key) => {
      const handler: SubRouteHandler = (params, flowgladServer, extras) =>
        settle(async () => {
          const customerId = await customerIdOf(flowgladServer)
          const input = parsedInput(key, params, customerId)
          // Never null here: this map is for signed-in requests only.
          const context = contextOf(customerId ?? '', flowgladServer, undefined, extras)
          return handlerOf(key)(input as never, context as never)
        })
      return [key, handler]
    }),
  ) as { [K in AuthenticatedActionKey]: SubRouteHandler<K> }
}

/** The hybrid key(s): signed in with `flowgladServer`, signed out with it null. */
function hybridRoutes() {
  const keys = Object.values(FlowgladActionKey).filter(isHybridActionKey)
  return Object.fromEntries(
    keys.map((key) => {
      const handler: HybridSubRouteHandler = (
        params,
        { flowgladServer, flowgladServerAdmin },
        extras,
      ) =>
        settle(async () => {
          const customerId = await customerIdOf(flowgladServer)
          const input = parsedInput(key, params, customerId)
          const context = contextOf(customerId, flowgladServer, flowgladServerAdmin, extras)
          return handlerOf(key)(input as never, context)
        })
      return [key, handler]
    }),
  ) as { [K in HybridActionKey]: HybridSubRouteHandler<K> }
}

export const routeToHandlerMap = /* @__PURE__ */ authenticatedRoutes()
export const hybridRouteToHandlerMap = /* @__PURE__ */ hybridRoutes()

export { isHybridActionKey }
