// The public surface of `@flowglad/server/better-auth` (both entries re-export this).
export type { AdapterLike, AdapterWhere } from './auth-context.js'
export { createFlowgladCustomerForOrganization } from './customer-hooks.js'
export { actionKeyToEndpointKey, endpointKeyToActionKey } from './endpoint-keys.js'
export { getOrganizationDetails } from './organization.js'
export { type FlowgladBetterAuthPlugin, flowgladPlugin } from './plugin.js'
export { resolveCustomerExternalId } from './session-customer.js'
export type {
  BetterAuthSessionResult,
  FlowgladBetterAuthPluginOptions,
  FlowgladCustomerInfo,
  FlowgladEndpointError,
  InnerSession,
} from './types.js'
