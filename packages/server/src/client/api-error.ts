import { FlowgladError, type FlowgladErrorCode } from '@flowglad/shared/core'
import { redactSecret } from './redact.js'
import { retryAfterMs } from './retry-policy.js'

// Node's util.inspect looks for this symbol; Symbol.for keeps the main entry free of node: imports.
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom')

const codeByStatus: Record<number, FlowgladErrorCode> = {
  400: 'validation_error',
  422: 'validation_error',
  403: 'forbidden',
  404: 'not_found',
  408: 'upstream_unavailable',
  409: 'conflict',
  429: 'rate_limited',
}

/** Maps an HTTP status from the Flowglad API to the catalogue code our callers switch on. */
export function errorCodeForStatus(status: number): FlowgladErrorCode {
  // 401 means our secret key is wrong; any other 4xx is a request we should never have built.
  return codeByStatus[status] ?? (status >= 500 ? 'upstream_unavailable' : 'internal_error')
}

export interface FlowgladApiErrorInit {
  status: number
  apiCode: string | undefined
  requestId: string | undefined
  body: unknown
  message: string
  /** The server's Retry-After / retry-after-ms hint, when it sent one. */
  retryAfterMs?: number
  /** The secret key, removed from every field (message, apiCode, requestId, body, details). */
  secret?: string
}

/**
 * A non-2xx answer from the Flowglad API. `status` is the API's HTTP status; `code` is the
 * catalogue code (its app-facing status is `flowgladErrorCatalogue[code].status`).
 */
export class FlowgladApiError extends FlowgladError {
  // `declare`: the constructor assigns every one, so no class field needs emitting first.
  /** The API's own code, e.g. `NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`. */
  declare readonly apiCode: string | undefined
  declare readonly requestId: string | undefined
  /** The parsed JSON body, or the raw text when the body was not JSON. */
  declare readonly body: unknown
  /** How long the API asked us to wait before trying again (429 / 503), if it said. */
  declare readonly retryAfterMs: number | undefined

  constructor(init: FlowgladApiErrorInit) {
    const clean = <T>(text: T) => redactSecret(text, init.secret)
    const apiCode = clean(init.apiCode)
    const requestId = clean(init.requestId)
    super(errorCodeForStatus(init.status), clean(init.message), {
      status: init.status,
      details: { status: init.status, apiCode, requestId },
    })
    this.name = 'FlowgladApiError'
    this.apiCode = apiCode
    this.requestId = requestId
    this.body = redactSecret(init.body, init.secret)
    this.retryAfterMs = init.retryAfterMs
  }

  /** What logs get from JSON.stringify: the redacted fields only. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      status: this.status,
      message: this.message,
      apiCode: this.apiCode,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      body: this.body,
    }
  }

  /** What util.inspect / console.log print: the same redacted fields, plus the stack. */
  [inspectSymbol](
    _depth: number,
    options: unknown,
    inspect?: (value: unknown, options: unknown) => string,
  ): string {
    const view = { ...this.toJSON(), stack: this.stack }
    return inspect ? `${this.name} ${inspect(view, options)}` : JSON.stringify(view)
  }
}

export function isFlowgladApiError(value: unknown): value is FlowgladApiError {
  return value instanceof FlowgladApiError
}

/** The API's code when it sent one, else the status: what `isApiNotFound` and the like ask. */
function answered(error: unknown, apiCode: string, status: number): error is FlowgladApiError {
  if (!(error instanceof FlowgladApiError)) return false
  return error.apiCode === undefined ? error.status === status : error.apiCode === apiCode
}

/** True when the API answered NOT_FOUND (by body code, or by status when the body has none). */
export const isApiNotFound = (error: unknown): error is FlowgladApiError =>
  answered(error, 'NOT_FOUND', 404)

export const isApiConflict = (error: unknown): error is FlowgladApiError =>
  answered(error, 'CONFLICT', 409)

interface ErrorBodyShape {
  error?: unknown
  message?: unknown
  code?: unknown
  request_id?: unknown
}

/** One answer from the API: its status, headers and parsed body (raw text if not JSON). */
export interface ApiAnswer {
  status: number
  headers: Headers
  body: unknown
}

const textOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined)

function describeApiMessage(body: unknown, { error, message }: ErrorBodyShape): string | undefined {
  if (typeof body === 'string') return body.trim() || undefined
  if (typeof error === 'string') return error
  if (Array.isArray(error)) {
    const messages = error
      .map((issue) => (issue as { message?: unknown } | null)?.message)
      .filter((text): text is string => typeof text === 'string')
    if (messages.length > 0) return messages.join('; ')
  }
  return textOrUndefined(message)
}

/**
 * Builds the typed error for a non-2xx answer to `where` (`METHOD /path`); the secret key
 * appears in none of its fields.
 */
export function apiErrorFromResponse(
  { status, headers, body }: ApiAnswer,
  where: string,
  apiKey: string,
): FlowgladApiError {
  const shape: ErrorBodyShape = typeof body === 'object' && body !== null ? body : {}
  const apiCode = textOrUndefined(shape.code)
  const requestId = textOrUndefined(shape.request_id) ?? headers.get('x-request-id') ?? undefined
  const message =
    status === 401
      ? `Flowglad API rejected the secret key (401) on ${where}: check apiKey / FLOWGLAD_SECRET_KEY`
      : `Flowglad API ${status}${apiCode ? ` ${apiCode}` : ''} on ${where}: ${describeApiMessage(body, shape) ?? 'no error message'}`
  return new FlowgladApiError({
    status,
    apiCode,
    requestId,
    body,
    retryAfterMs: retryAfterMs(headers),
    message,
    secret: apiKey,
  })
}
