import type { BetterAuthPlugin } from 'better-auth'
import { createActionEndpoints } from './action-endpoints.js'
import { customerCreationHooks } from './customer-hooks.js'
import { createGetExternalIdEndpoint } from './external-id-endpoint.js'
import type { FlowgladBetterAuthPluginOptions } from './types.js'

/**
 * Better Auth plugin `flowglad`: every Flowglad action at `<basePath>/flowglad/<actionKey>`
 * (e.g. `/api/auth/flowglad/customers/billing`, for `FlowgladProvider betterAuthBasePath`),
 * `GET /flowglad/get-external-id`, and the customer created after sign-up.
 */
export function flowgladPlugin(options: FlowgladBetterAuthPluginOptions = {}) {
  return {
    id: 'flowglad',
    endpoints: {
      getExternalId: createGetExternalIdEndpoint(options),
      ...createActionEndpoints(options),
    },
    hooks: { after: customerCreationHooks(options) },
  } satisfies BetterAuthPlugin
}

export type FlowgladBetterAuthPlugin = ReturnType<typeof flowgladPlugin>
