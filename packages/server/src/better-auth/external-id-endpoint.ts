import type { AuthEndpointContext } from './auth-context.js'
import { betterAuthApi } from './peer.js'
import { resolveSessionCustomer } from './session-customer.js'
import type { FlowgladBetterAuthPluginOptions } from './types.js'

/** `GET /flowglad/get-external-id` → `{ externalId }`: the session's customer, null if none. */
export function createGetExternalIdEndpoint(options: FlowgladBetterAuthPluginOptions) {
  return betterAuthApi().createAuthEndpoint(
    '/flowglad/get-external-id',
    { method: 'GET' },
    async (ctx) => {
      const context = ctx as unknown as AuthEndpointContext
      const customer = await resolveSessionCustomer(context, options).catch(() => null)
      return context.json({ externalId: customer?.externalId ?? null })
    },
  )
}
