import { FlowgladActionKey, flowgladActions } from '@flowglad/shared'
import { FlowgladServerAdmin } from '../admin/flowglad-server-admin.js'
import { createFlowgladHandler } from '../handler/create-flowglad-handler.js'
import type { AuthEndpointContext } from './auth-context.js'
import { customerServer } from './customer-server.js'
import { actionKeyToEndpointKey, type FlowgladEndpointName } from './endpoint-keys.js'
import { betterAuthApi } from './peer.js'
import { resolveSessionCustomer, type SessionCustomer } from './session-customer.js'
import type { FlowgladBetterAuthPluginOptions } from './types.js'

function actionEndpoint(key: FlowgladActionKey, options: FlowgladBetterAuthPluginOptions) {
  return betterAuthApi().createAuthEndpoint(
    `/flowglad/${key}`,
    // The core reads the body itself, within its size limit.
    { method: flowgladActions[key].method, disableBody: true },
    async (ctx) => {
      const context = ctx as unknown as AuthEndpointContext
      return reply(context, await serveAction(key, context, options))
    },
  )
}

/**
 * One Better Auth endpoint per action of the table, at `/flowglad/<actionKey>`. Each runs the
 * route handler core itself (CSRF guard, body limit, externalId check, validation, the
 * action's handler, the `{ data, error }` envelope) with the customer taken from the session.
 */
export function createActionEndpoints(
  options: FlowgladBetterAuthPluginOptions,
): Record<FlowgladEndpointName, ReturnType<typeof actionEndpoint>> {
  return Object.fromEntries(
    Object.values(FlowgladActionKey).map((key) => [
      actionKeyToEndpointKey[key],
      actionEndpoint(key, options),
    ]),
  ) as Record<FlowgladEndpointName, ReturnType<typeof actionEndpoint>>
}

function serveAction(
  key: FlowgladActionKey,
  ctx: AuthEndpointContext,
  options: FlowgladBetterAuthPluginOptions,
): Promise<Response> {
  const request = requestOf(ctx)
  let customer: SessionCustomer | null = null
  const handle = createFlowgladHandler({
    getCustomerExternalId: async () => {
      customer = await resolveSessionCustomer(ctx, options)
      return customer?.externalId ?? null
    },
    flowglad: (externalId) =>
      customerServer(options, externalId, () => {
        if (customer === null) throw new Error('customer details asked for before the session')
        return customer.details()
      }),
    flowgladAdmin: () =>
      new FlowgladServerAdmin({
        apiKey: options.apiKey,
        baseURL: options.baseURL,
        fetch: options.fetch,
      }),
    allowedOrigins: trustedOriginsFor(ctx, request),
    usagePolicy: options.usagePolicy,
    onError: options.onError,
  })
  return handle(request, { path: key })
}

/**
 * The browser's request when Better Auth's router left its body unread; for a server-side call
 * (`auth.api.<endpoint>({ body, headers })`) an equivalent JSON request.
 */
function requestOf(ctx: AuthEndpointContext): Request {
  const original = ctx.request
  if (original && !original.bodyUsed) return original
  const headers = new Headers(original?.headers ?? ctx.headers)
  headers.set('content-type', 'application/json')
  return new Request(original?.url ?? 'http://localhost/flowglad', {
    method: 'POST',
    headers,
    body: JSON.stringify(ctx.body ?? {}),
  })
}

/** Better Auth already decided which origins it trusts; the core's CSRF guard agrees with it. */
function trustedOriginsFor(ctx: AuthEndpointContext, request: Request): string[] {
  const listed = (ctx.context.trustedOrigins ?? []).filter((origin) => !origin.includes('*'))
  const origin = request.headers.get('origin')
  const trusted = origin !== null && ctx.context.isTrustedOrigin?.(origin) === true
  return trusted ? [...listed, origin] : listed
}

async function reply(ctx: AuthEndpointContext, response: Response): Promise<unknown> {
  ctx.setStatus(response.status)
  return ctx.json(await response.json())
}
