import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ValidateFunction } from 'ajv'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

/** The copy vendored in the repository: `<repoRoot>/spec/flowglad-openapi.json`. */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const OPENAPI_PATH = resolve(repoRoot, 'spec/flowglad-openapi.json')

interface Operation {
  operationId: string
  requestBody?: { content: Record<string, { schema: unknown }> }
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>
}

const spec = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as {
  paths: Record<string, Record<string, Operation>>
  components: Record<string, unknown>
}

const SPEC_ID = 'https://flowglad.local/openapi.json'

/** Points local `#/components/...` refs at the registered spec document. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebase)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) {
      out[key] =
        key === '$ref' && typeof child === 'string' && child.startsWith('#/')
          ? `${SPEC_ID}${child}`
          : rebase(child)
    }
    return out
  }
  return value
}

const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
ajv.addSchema({ $id: SPEC_ID, components: spec.components })

const operations = new Map<string, Operation>()
/** Every operation with its path template split into segments (`{param}` matches any one). */
const routes: { method: string; segments: string[]; operationId: string }[] = []
for (const [path, methods] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(methods)) {
    operations.set(op.operationId, op)
    routes.push({
      method: method.toUpperCase(),
      segments: path.split('/'),
      operationId: op.operationId,
    })
  }
}

/**
 * The operation that serves `method pathname` (e.g. `GET /api/v1/pricing-models/default`), or
 * undefined. A literal segment beats a `{param}` one, as in any router.
 */
export function operationFor(method: string, pathname: string): string | undefined {
  const parts = pathname.replace(/\/+$/, '').split('/')
  let best: { operationId: string; literals: number } | undefined
  for (const route of routes) {
    if (route.method !== method.toUpperCase() || route.segments.length !== parts.length) continue
    let literals = 0
    const matches = route.segments.every((segment, i) => {
      if (segment.startsWith('{')) return parts[i] !== ''
      literals++
      return segment === parts[i]
    })
    if (matches && (!best || literals > best.literals))
      best = { operationId: route.operationId, literals }
  }
  return best?.operationId
}

const cache = new Map<string, ValidateFunction>()

function validator(operationId: string, part: 'request' | 'response'): ValidateFunction {
  const key = `${operationId}:${part}`
  const cached = cache.get(key)
  if (cached) return cached
  const op = operations.get(operationId)
  if (!op) throw new Error(`unknown operation ${operationId}`)
  const schema =
    part === 'request'
      ? op.requestBody?.content['application/json']?.schema
      : op.responses['200']?.content?.['application/json']?.schema
  if (!schema) throw new Error(`no ${part} schema for ${operationId}`)
  const fn = ajv.compile(rebase(schema) as object)
  cache.set(key, fn)
  return fn
}

function check(operationId: string, part: 'request' | 'response', body: unknown): void {
  const fn = validator(operationId, part)
  if (!fn(body)) {
    const errors = (fn.errors ?? [])
      .slice(0, 8)
      .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
      .join('\n  ')
    throw new Error(`${operationId} ${part} does not match the OpenAPI schema:\n  ${errors}`)
  }
}

/** Checks a request body; operations whose spec declares no body (e.g. uncancel) accept `{}` only. */
export function validateRequest(operationId: string, body: unknown): void {
  if (!operations.get(operationId)?.requestBody) {
    if (body && typeof body === 'object' && Object.keys(body).length === 0) return
    throw new Error(`${operationId} takes no request body`)
  }
  check(operationId, 'request', body)
}
export const validateResponse = (operationId: string, body: unknown) =>
  check(operationId, 'response', body)
/** Every operation of the spec as `{ operationId, method, path }` (path as templated there). */
export function specOperations(): { operationId: string; method: string; path: string }[] {
  return routes.map((route) => ({
    operationId: route.operationId,
    method: route.method,
    path: route.segments.join('/'),
  }))
}

/** Operation ids whose 2xx bodies `checkedFetch` has validated (in this test file). */
export const validatedOperations = new Set<string>()

/**
 * Wraps a fetch handler so that every 2xx JSON response to a `/api/v1` operation of the spec is
 * validated against that operation's response schema; a mismatch rejects the call, failing the
 * test that made it. Requests that ask for an injected fault are passed through unchecked.
 */
export function checkedFetch<A extends unknown[]>(
  fetchFn: (request: Request, ...rest: A) => Promise<Response>,
): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    const response = await fetchFn(request, ...rest)
    if (response.status < 200 || response.status > 299) return response
    if (request.headers.has('x-emulator-fault')) return response
    const operationId = operationFor(request.method, new URL(request.url).pathname)
    if (!operationId) return response
    const body: unknown = await response.clone().json()
    validateResponse(operationId, body)
    validatedOperations.add(operationId)
    return response
  }
}
