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

function post<P extends FlowgladActionKey>(path: P) {
  return { path, method: 'POST', requiresCustomer: true } as const
}

/** A route that resolves the customer when there is one and answers without one. */
function hybridPost<P extends FlowgladActionKey>(path: P) {
  return { path, method: 'POST', requiresCustomer: false } as const
}

/** A resource claim route: its `externalId` is the claim's, never the customer's. */
function claimPost<P extends FlowgladActionKey>(path: P) {
  return { path, method: 'POST', requiresCustomer: true, externalIdNamesClaim: true } as const
}

const K = FlowgladActionKey

/** Key → route. The full action table in `./action-table.ts` adds an input schema to each entry. */
export const flowgladRoutes = {
  [K.GetCustomerBilling]: post(K.GetCustomerBilling),
  [K.FindOrCreateCustomer]: post(K.FindOrCreateCustomer),
  [K.UpdateCustomer]: post(K.UpdateCustomer),
  [K.CreateCheckoutSession]: post(K.CreateCheckoutSession),
  [K.CreateAddPaymentMethodCheckoutSession]: post(K.CreateAddPaymentMethodCheckoutSession),
  [K.CreateActivateSubscriptionCheckoutSession]: post(K.CreateActivateSubscriptionCheckoutSession),
  [K.CancelSubscription]: post(K.CancelSubscription),
  [K.UncancelSubscription]: post(K.UncancelSubscription),
  [K.CreateSubscription]: post(K.CreateSubscription),
  [K.CreateUsageEvent]: post(K.CreateUsageEvent),
  [K.GetUsageMeterBalances]: post(K.GetUsageMeterBalances),
  [K.AdjustSubscription]: post(K.AdjustSubscription),
  [K.GetPricingModel]: hybridPost(K.GetPricingModel),
  [K.GetSubscriptions]: post(K.GetSubscriptions),
  [K.GetFeatureAccess]: post(K.GetFeatureAccess),
  [K.GetPaymentMethods]: post(K.GetPaymentMethods),
  [K.GetCustomerDetails]: post(K.GetCustomerDetails),
  [K.GetInvoices]: post(K.GetInvoices),
  [K.GetPurchases]: post(K.GetPurchases),
  [K.GetResourceUsages]: post(K.GetResourceUsages),
  [K.GetResourceUsage]: post(K.GetResourceUsage),
  [K.ClaimResource]: claimPost(K.ClaimResource),
  [K.ReleaseResource]: claimPost(K.ReleaseResource),
  [K.ListResourceClaims]: post(K.ListResourceClaims),
} as const satisfies { [P in FlowgladActionKey]: FlowgladRoute & { path: P } }

type Routes = typeof flowgladRoutes

/** Keys that answer signed out too (upstream name), derived from the route table. */
export type HybridActionKey = {
  [P in FlowgladActionKey]: Routes[P]['requiresCustomer'] extends false ? P : never
}[FlowgladActionKey]

/** Keys that need a signed-in customer (upstream name): every other key. */
export type AuthenticatedActionKey = Exclude<FlowgladActionKey, HybridActionKey>

const actionKeys = /* @__PURE__ */ new Set<string>(Object.values(FlowgladActionKey))

export function isFlowgladActionKey(value: string): value is FlowgladActionKey {
  return actionKeys.has(value)
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
