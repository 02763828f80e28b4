import { createFlowgladHandler, type FlowgladHandlerOptions } from '@flowglad/server'
import type { NextRequest } from 'next/server'

/** The `[...path]` catch-all segments (absent when mounted without a catch-all). */
export interface FlowgladCatchAllParams {
  path?: string[]
}

/** Next 15/16 pass `params` as a Promise; Next 14 passes the plain object. */
export interface NextRouteContext {
  params: Promise<FlowgladCatchAllParams> | FlowgladCatchAllParams
}

export type NextRouteHandlerOptions = FlowgladHandlerOptions<NextRequest>

export type NextRouteHandler = (
  request: NextRequest,
  context?: NextRouteContext,
) => Promise<Response>

/**
 * App Router: `export const { GET, POST } = nextRouteHandler({...})` in
 * `app/api/flowglad/[...path]/route.ts`. Conversion only; the core does the rest.
 */
export function nextRouteHandler(options: NextRouteHandlerOptions): {
  GET: NextRouteHandler
  POST: NextRouteHandler
} {
  const handle = createFlowgladHandler<NextRequest>(options)
  const route: NextRouteHandler = async (request, context) => {
    const params = await context?.params
    return handle(request, { path: params?.path, source: request })
  }
  return { GET: route, POST: route }
}
