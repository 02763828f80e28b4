import { isFlowgladActionKey } from '@flowglad/shared'

const functionsPrefix = /^\/functions\/v1\/[^/]+(?=\/|$)/
/** What `FlowgladProvider` appends to its `baseURL` (the function's URL). */
const clientRoute = /^api\/flowglad\//

/**
 * The action path inside a Supabase function's URL. With `basePath`, the part after it (a
 * pathname outside it is used whole). Without: `/functions/v1/<fn>/` is dropped, else the
 * function's own first segment when only the rest is an action (the runtime may hand the
 * function `/<fn>/<action>`); in both, a leading `api/flowglad/` too.
 */
export function supabaseActionPath(pathname: string, basePath?: string): string {
  if (basePath !== undefined) {
    const base = `/${trimSlashes(basePath)}`
    const inside = pathname === base || pathname.startsWith(`${base}/`)
    return trimSlashes(inside ? pathname.slice(base.length) : pathname)
  }
  if (functionsPrefix.test(pathname)) {
    return trimSlashes(pathname.replace(functionsPrefix, '')).replace(clientRoute, '')
  }
  const whole = trimSlashes(pathname)
  const afterFunctionName = whole.includes('/') ? whole.slice(whole.indexOf('/') + 1) : whole
  const candidates = [whole, afterFunctionName].flatMap((path) => [
    path,
    path.replace(clientRoute, ''),
  ])
  return candidates.find(isFlowgladActionKey) ?? whole
}

function trimSlashes(value: string): string {
  return value.replace(/^\/+|\/+$/g, '')
}
