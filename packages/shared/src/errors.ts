/**
 * The one error catalogue: every code any package may produce, with its HTTP status.
 * The route handler answers with these statuses; clients switch on the codes.
 */
export const flowgladErrorCatalogue = {
  validation_error: { status: 400, when: "input fails the action's schema" },
  missing_subscription_id: {
    status: 400,
    when: 'no subscriptionId given and the customer has no current subscription',
  },
  unauthenticated: { status: 401, when: 'the app resolved no customer for the request' },
  forbidden: {
    status: 403,
    when: "the subscription is not among the customer's own, the usage policy refused, or the browser asked for what only checkout may do",
  },
  csrf_rejected: { status: 403, when: 'cross-site or non-JSON state-changing request' },
  not_found: { status: 404, when: 'unknown action path, or the API said NOT_FOUND' },
  method_not_allowed: { status: 405, when: 'wrong HTTP method for the action' },
  conflict: { status: 409, when: 'the API said CONFLICT (e.g. transactionId reused elsewhere)' },
  payload_too_large: {
    status: 413,
    when: 'the request body is larger than the route handler accepts (maxBodyBytes)',
  },
  webhook_verification_failed: {
    status: 400,
    when: "a webhook's headers, timestamp, signature, secret or JSON body did not check out",
  },
  rate_limited: { status: 429, when: 'the API rate-limited us and retries ran out' },
  queue_full: { status: 503, when: 'the usage batcher queue is at its bound; nothing was dropped' },
  upstream_unavailable: { status: 502, when: 'the API could not be reached or kept failing' },
  internal_error: { status: 500, when: 'a bug; never for bad input' },
  // Browser-side only (the React client): there is no HTTP answer to carry, so status 0.
  network_error: { status: 0, when: 'the browser got no answer from the route handler' },
  invalid_response: {
    status: 0,
    when: 'the answer was not JSON or not a { data, error } envelope',
  },
  provider_missing: { status: 0, when: 'an action was called outside <FlowgladProvider>' },
} as const satisfies Record<string, { status: number; when: string }>

export type FlowgladErrorCode = keyof typeof flowgladErrorCatalogue

export function isFlowgladErrorCode(value: unknown): value is FlowgladErrorCode {
  return typeof value === 'string' && Object.hasOwn(flowgladErrorCatalogue, value)
}

export interface FlowgladErrorOptions {
  details?: unknown
  /** Overrides the catalogue status (e.g. to carry the exact upstream status). */
  status?: number
  cause?: unknown
}

/** Marks every FlowgladError, whichever copy of this module made it (see hasInstance). */
const brand = Symbol.for('@flowglad/shared:FlowgladError')

/** The single error class of the SDK: a catalogue code, its HTTP status and optional details. */
export class FlowgladError extends Error {
  readonly code: FlowgladErrorCode
  readonly status: number
  readonly details: unknown

  constructor(code: FlowgladErrorCode, message: string, options: FlowgladErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    Object.defineProperty(this, brand, { value: true })
    this.name = 'FlowgladError'
    this.code = code
    this.status = options.status ?? flowgladErrorCatalogue[code].status
    this.details = options.details
  }
}

/**
 * `instanceof FlowgladError` holds for errors made by another copy of this module too (the
 * server's ESM build inlines the zod-free core for cold start). A subclass keeps the ordinary
 * prototype check.
 */
Object.defineProperty(FlowgladError, Symbol.hasInstance, {
  value(this: unknown, value: unknown): boolean {
    if (this !== FlowgladError)
      return Function.prototype[Symbol.hasInstance].call(this as () => void, value)
    return typeof value === 'object' && value !== null && brand in value
  },
})

/** Works across bundles and realms (checks the shape, not only the prototype chain). */
export function isFlowgladError(value: unknown): value is FlowgladError {
  if (value instanceof FlowgladError) return true
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as { code?: unknown; status?: unknown; message?: unknown }
  return (
    isFlowgladErrorCode(candidate.code) &&
    typeof candidate.status === 'number' &&
    typeof candidate.message === 'string'
  )
}

/** The error half of the route envelope: `{ code, json }`, json holding at least `message`. */
export interface FlowgladErrorBody {
  code: string
  json: { message: string; [key: string]: unknown }
}

export function toErrorBody(error: FlowgladError): FlowgladErrorBody {
  const json: FlowgladErrorBody['json'] = { message: error.message }
  if (error.details !== undefined) {
    if (error.code === 'validation_error') json.issues = error.details
    else json.details = error.details
  }
  return { code: error.code, json }
}
