import { FlowgladActionKey, type HTTPMethod } from './action-keys.js'

/** Everything about a route that the browser needs: no schemas, so no zod. */
export interface FlowgladRoute {
  /** The path under the app's base path, e.g. `usage-events/create`. */
  path: FlowgladActionKey
  method: HTTPMethod
  /**
   * Whether the route handler must resolve an authenticated customer before running it. `false`
   * marks a hybrid route: it answers signed out too (with public data), signed in for the customer.
   */
  requiresCustomer: boolean
  /**
   * `true` where a body `externalId` names what is claimed (a teammate, an API key), not the
   * customer: the route handler then does not hold it against the session's customer.
   */
  externalIdNamesClaim?: true
}

const K = FlowgladActionKey

/** Routes that resolve the customer when there is one and answer without one. */
const hybridKeys = [K.GetPricingModel] as const
/** Resource claim routes: their `externalId` is the claim's, never the customer's. */
const claimKeys = [K.ClaimResource, K.ReleaseResource] as const

type HybridKey = (typeof hybridKeys)[number]
type ClaimKey = (typeof claimKeys)[number]

/** One route's entry, as the lists above make it: every route is a POST. */
type RouteOf<P extends FlowgladActionKey> = {
  readonly path: P
  readonly method: 'POST'
  readonly requiresCustomer: P extends HybridKey ? false : true
} & (P extends ClaimKey ? { readonly externalIdNamesClaim: true } : unknown)

/** Compile-time check: each entry is a `FlowgladRoute` for its own key. */
type CheckedRoutes<T extends { readonly [P in FlowgladActionKey]: FlowgladRoute & { path: P } }> = T
type Routes = CheckedRoutes<{ readonly [P in FlowgladActionKey]: RouteOf<P> }>

/**
 * Key → route, built from the keys and the two lists above (in key order). The full action
 * table in `./action-table.ts` adds an input schema to each entry.
 */
export const flowgladRoutes = /* @__PURE__ */ (() =>
  Object.fromEntries(
    Object.values(K).map((path) => [
      path,
      {
        path,
        method: 'POST',
        requiresCustomer: !(hybridKeys as readonly string[]).includes(path),
        ...((claimKeys as readonly string[]).includes(path) && { externalIdNamesClaim: true }),
      },
    ]),
  ) as Routes)()

/** Keys that answer signed out too (upstream name), derived from the route table. */
export type HybridActionKey = {
  [P in FlowgladActionKey]: Routes[P]['requiresCustomer'] extends false ? P : never
}[FlowgladActionKey]

/** Keys that need a signed-in customer (upstream name): every other key. */
export type AuthenticatedActionKey = Exclude<FlowgladActionKey, HybridActionKey>

export function isFlowgladActionKey(value: string): value is FlowgladActionKey {
  return Object.hasOwn(flowgladRoutes, value)
}

/** True for a route that answers signed out too (`requiresCustomer: false` in the table). */
export function isHybridActionKey(value: string): value is HybridActionKey {
  return isFlowgladActionKey(value) && !flowgladRoutes[value].requiresCustomer
}

/** The app URL of an action: `${baseURL}/api/flowglad/${key}` (baseURL may be '' for same origin). */
export function actionURL(
  key: FlowgladActionKey,
  baseURL = '',
  basePath = '/api/flowglad',
): string {
  return `${baseURL.replace(/\/+$/, '')}${basePath}/${flowgladRoutes[key].path}`
}
