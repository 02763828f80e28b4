import { FlowgladError, type FlowgladErrorCode } from '@flowglad/shared/core'
import { redactSecret } from './redact.js'

// Node's util.inspect looks for this symbol; Symbol.for keeps the main entry free of node: imports.
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom')

/** Maps an HTTP status from the Flowglad API to the catalogue code our callers switch on. */
export function errorCodeForStatus(status: number): FlowgladErrorCode {
  if (status === 400 || status === 422) return 'validation_error'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate_limited'
  if (status === 408 || status >= 500) return 'upstream_unavailable'
  // 401 means our secret key is wrong; any other 4xx is a request we should never have built.
  return 'internal_error'
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
  /** The API's own code, e.g. `NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`. */
  readonly apiCode: string | undefined
  readonly requestId: string | undefined
  /** The parsed JSON body, or the raw text when the body was not JSON. */
  readonly body: unknown
  /** How long the API asked us to wait before trying again (429 / 503), if it said. */
  readonly retryAfterMs: number | undefined

  constructor(init: FlowgladApiErrorInit) {
    const clean = (text: string | undefined) => redactSecret(text, init.secret)
    const apiCode = clean(init.apiCode)
    const requestId = clean(init.requestId)
    super(errorCodeForStatus(init.status), clean(init.message) ?? '', {
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

/** True when the API answered NOT_FOUND (by body code, or by status when the body has none). */
export function isApiNotFound(error: unknown): error is FlowgladApiError {
  return (
    error instanceof FlowgladApiError &&
    (error.apiCode === 'NOT_FOUND' || (error.apiCode === undefined && error.status === 404))
  )
}

export function isApiConflict(error: unknown): error is FlowgladApiError {
  return (
    error instanceof FlowgladApiError &&
    (error.apiCode === 'CONFLICT' || (error.apiCode === undefined && error.status === 409))
  )
}

interface ErrorBodyShape {
  error?: unknown
  message?: unknown
  code?: unknown
  request_id?: unknown
}

function describeApiMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() || undefined
  if (typeof body !== 'object' || body === null) return undefined
  const { error, message } = body as ErrorBodyShape
  if (typeof error === 'string') return error
  if (Array.isArray(error)) {
    const messages = error
      .map((issue) => (issue as { message?: unknown } | null)?.message)
      .filter((text): text is string => typeof text === 'string')
    if (messages.length > 0) return messages.join('; ')
  }
  if (typeof message === 'string') return message
  return undefined
}

/** Builds the typed error; the secret key appears in none of its fields. */
export function apiErrorFromResponse(options: {
  status: number
  body: unknown
  headerRequestId: string | null
  method: string
  path: string
  apiKey: string
  retryAfterMs?: number
}): FlowgladApiError {
  const { status, body, method, path, apiKey } = options
  const shape = typeof body === 'object' && body !== null ? (body as ErrorBodyShape) : {}
  const apiCode = typeof shape.code === 'string' ? shape.code : undefined
  const requestId =
    typeof shape.request_id === 'string' ? shape.request_id : (options.headerRequestId ?? undefined)
  let message: string
  if (status === 401) {
    message = `Flowglad API rejected the secret key (401) on ${method} ${path}: check apiKey / FLOWGLAD_SECRET_KEY`
  } else {
    const detail = describeApiMessage(body) ?? 'no error message'
    message = `Flowglad API ${status}${apiCode ? ` ${apiCode}` : ''} on ${method} ${path}: ${detail}`
  }
  return new FlowgladApiError({
    status,
    apiCode,
    requestId,
    body,
    retryAfterMs: options.retryAfterMs,
    message,
    secret: apiKey,
  })
}
