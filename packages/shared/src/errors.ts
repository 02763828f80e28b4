/**
 * Every code any package may produce, with its HTTP status: all FlowgladError needs at run time,
 * so a bundle that never reads the descriptions below drops them (about 0.4 KB gzip).
 * The route handler answers with these statuses; clients switch on the codes.
 * Status 0: browser-side only (the React client), there is no HTTP answer to carry.
 */
export const flowgladErrorStatuses = {
  validation_error: 400,
  missing_subscription_id: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  webhook_verification_failed: 400,
  rate_limited: 429,
  queue_full: 503,
  upstream_unavailable: 502,
  internal_error: 500,
  network_error: 0,
  invalid_response: 0,
  provider_missing: 0,
} as const

export type FlowgladErrorCode = keyof typeof flowgladErrorStatuses

/** When each code is produced (documentation the MCP helpers and tests read). */
const errorDescriptions = {
  validation_error: "input fails the action's schema",
  missing_subscription_id: 'no subscriptionId given and the customer has no current subscription',
  unauthenticated: 'the app resolved no customer for the request',
  forbidden:
    "the subscription is not among the customer's own, the usage policy refused, or the browser asked for what only checkout may do",
  csrf_rejected: 'cross-site or non-JSON state-changing request',
  not_found: 'unknown action path, or the API said NOT_FOUND',
  method_not_allowed: 'wrong HTTP method for the action',
  conflict: 'the API said CONFLICT (e.g. transactionId reused elsewhere)',
  payload_too_large: 'the request body is larger than the route handler accepts (maxBodyBytes)',
  webhook_verification_failed:
    "a webhook's headers, timestamp, signature, secret or JSON body did not check out",
  rate_limited: 'the API rate-limited us and retries ran out',
  queue_full: 'the usage batcher queue is at its bound; nothing was dropped',
  upstream_unavailable: 'the API could not be reached or kept failing',
  internal_error: 'a bug; never for bad input',
  network_error: 'the browser got no answer from the route handler',
  invalid_response: 'the answer was not JSON or not a { data, error } envelope',
  provider_missing: 'an action was called outside <FlowgladProvider>',
} as const satisfies Record<FlowgladErrorCode, string>

type FlowgladErrorCatalogue = {
  readonly [Code in FlowgladErrorCode]: {
    readonly status: (typeof flowgladErrorStatuses)[Code]
    readonly when: (typeof errorDescriptions)[Code]
  }
}

/** The one error catalogue: each code's status and when it is produced. */
export const flowgladErrorCatalogue: FlowgladErrorCatalogue = /* @__PURE__ */ (() =>
  Object.fromEntries(
    Object.entries(flowgladErrorStatuses).map(([code, status]) => [
      code,
      { status, when: errorDescriptions[code as FlowgladErrorCode] },
    ]),
  ) as FlowgladErrorCatalogue)()

export function isFlowgladErrorCode(value: unknown): value is FlowgladErrorCode {
  return typeof value === 'string' && Object.hasOwn(flowgladErrorStatuses, value)
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
    this.status = options.status ?? flowgladErrorStatuses[code]
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
