import { createFlowgladHandler, type FlowgladHandlerOptions } from '@flowglad/server'
import type { NextRequest } from 'next/server'

/** The catch-all segments: `[...path]` always has them, `[[...path]]` has none at its root. */
export interface FlowgladCatchAllParams {
  path?: string[] | undefined
}

/** What Next 15/16 pass as the second argument: `params` is a Promise. */
export interface NextRouteContext {
  params: Promise<FlowgladCatchAllParams>
}

/** What Next 14 passes: the plain params object. */
export interface LegacyNextRouteContext {
  params: FlowgladCatchAllParams
}

/**
 * The options, with `getCustomerExternalId` receiving `AppRequest`, which is
 * inferred from that callback's parameter (the app's own `NextRequest`, by default ours).
 */
export type NextRouteHandlerOptions<AppRequest extends Request = NextRequest> =
  FlowgladHandlerOptions<AppRequest>

/**
 * `GET`/`POST`. The Promise-context signature is deliberately the last one: Next's generated
 * route checks (15.x `.next/types`, 15.5/16 `validator.ts`) read the last signature and require
 * a non-optional `{ params: Promise<...> }` second argument. The first signature keeps direct
 * calls and Next 14's plain params typed.
 */
export interface NextRouteHandler<AppRequest extends Request = NextRequest> {
  (request: AppRequest, context?: LegacyNextRouteContext): Promise<Response>
  (request: AppRequest, context: NextRouteContext): Promise<Response>
}

/**
 * App Router: `export const { GET, POST } = nextRouteHandler({...})` in
 * `app/api/flowglad/[...path]/route.ts` (or `[[...path]]`). Conversion only; the core does the
 * rest. Generic so an app whose types see a second copy of `next` still gets its own request type.
 */
export function nextRouteHandler<AppRequest extends Request = NextRequest>(
  options: NextRouteHandlerOptions<AppRequest>,
): { GET: NextRouteHandler<AppRequest>; POST: NextRouteHandler<AppRequest> } {
  const handle = createFlowgladHandler<AppRequest>(options)
  const route = async (
    request: AppRequest,
    context?: NextRouteContext | LegacyNextRouteContext,
  ): Promise<Response> => {
    const params = await context?.params
    return handle(request, { path: params?.path, source: request })
  }
  return { GET: route, POST: route }
}
