import { createFlowgladHandler } from '../handler/create-flowglad-handler.js'
import type { FlowgladHandlerOptions } from '../handler/types.js'
import { supabaseActionPath } from './function-path.js'

export interface SupabaseEdgeHandlerOptions extends FlowgladHandlerOptions<Request> {
  /**
   * The function's path prefix, e.g. `/functions/v1/flowglad`; stripped before the action path
   * is read. Default: `/functions/v1/<fn>` (or the runtime's `/<fn>`) is recognised by itself.
   */
  basePath?: string
}

/**
 * A Supabase (Deno) edge function: `Deno.serve(supabaseEdgeHandler({ ... }))`. Only the path
 * rule is Supabase's; everything else is the core's. A browser on another origin than the
 * function needs that origin in `allowedOrigins` (and CORS headers from the function).
 */
export function supabaseEdgeHandler(
  options: SupabaseEdgeHandlerOptions,
): (request: Request) => Promise<Response> {
  const { basePath, ...handlerOptions } = options
  const handle = createFlowgladHandler<Request>(handlerOptions)
  return (request) => handle(request, { path: supabaseActionPath(pathnameOf(request), basePath) })
}

function pathnameOf(request: Request): string {
  try {
    return new URL(request.url).pathname
  } catch {
    return ''
  }
}
