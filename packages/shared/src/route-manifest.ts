import { FlowgladActionKey, type HTTPMethod } from './action-keys.js'

/** Everything about a route that the browser needs: no schemas, so no zod. */
export interface FlowgladRoute {
  /** The path under the app's base path, e.g. `usage-events/create`. */
  path: FlowgladActionKey
  method: HTTPMethod
  /** Whether the route handler must resolve an authenticated customer before running it. */
  requiresCustomer: boolean
}

function post(path: FlowgladActionKey): FlowgladRoute {
  return { path, method: 'POST', requiresCustomer: true }
}

/** Key → route. The full action table in `./action-table.ts` adds an input schema to each entry. */
export const flowgladRoutes = {
  [FlowgladActionKey.GetCustomerBilling]: post(FlowgladActionKey.GetCustomerBilling),
  [FlowgladActionKey.FindOrCreateCustomer]: post(FlowgladActionKey.FindOrCreateCustomer),
  [FlowgladActionKey.UpdateCustomer]: post(FlowgladActionKey.UpdateCustomer),
  [FlowgladActionKey.CreateCheckoutSession]: post(FlowgladActionKey.CreateCheckoutSession),
  [FlowgladActionKey.CreateAddPaymentMethodCheckoutSession]: post(
    FlowgladActionKey.CreateAddPaymentMethodCheckoutSession,
  ),
  [FlowgladActionKey.CreateActivateSubscriptionCheckoutSession]: post(
    FlowgladActionKey.CreateActivateSubscriptionCheckoutSession,
  ),
  [FlowgladActionKey.CancelSubscription]: post(FlowgladActionKey.CancelSubscription),
  [FlowgladActionKey.UncancelSubscription]: post(FlowgladActionKey.UncancelSubscription),
  [FlowgladActionKey.CreateSubscription]: post(FlowgladActionKey.CreateSubscription),
  [FlowgladActionKey.CreateUsageEvent]: post(FlowgladActionKey.CreateUsageEvent),
  [FlowgladActionKey.GetUsageMeterBalances]: post(FlowgladActionKey.GetUsageMeterBalances),
} as const satisfies Record<FlowgladActionKey, FlowgladRoute>

const actionKeys = /* @__PURE__ */ new Set<string>(Object.values(FlowgladActionKey))

export function isFlowgladActionKey(value: string): value is FlowgladActionKey {
  return actionKeys.has(value)
}

/** The app URL of an action: `${baseURL}/api/flowglad/${key}` (baseURL may be '' for same origin). */
export function actionURL(
  key: FlowgladActionKey,
  baseURL = '',
  basePath = '/api/flowglad',
): string {
  return `${baseURL.replace(/\/+$/, '')}${basePath}/${flowgladRoutes[key].path}`
}
