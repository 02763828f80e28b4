import {
  FlowgladError,
  type FlowgladErrorBody,
  type FlowgladErrorCode,
} from '@flowglad/shared/core'
import { createFlowgladHandler } from './create-flowglad-handler.js'
import type { FlowgladEnvelope } from './envelope.js'
import type { FlowgladHandlerOptions } from './types.js'

/** Upstream's input: the catch-all path segments plus the already-parsed request. */
export interface RequestHandlerInput {
  path: string[]
  method: string
  query?: Record<string, string>
  body?: unknown
}

export interface RequestHandlerOutput {
  status: number
  data?: unknown
  error?: FlowgladErrorBody
}

export type RequestHandlerOptions<Source = unknown> = FlowgladHandlerOptions<Source>

/**
 * The upstream `requestHandler(options)` signature, for apps that call it from their own
 * framework glue: `(input, req) => { status, data?, error? }`, where `req` is handed to
 * `getCustomerExternalId`. The input was parsed by the caller, so it is re-sent to the core as
 * a same-origin JSON request (the CSRF guard is the caller's job on this path).
 */
export function requestHandler<Source = unknown>(options: RequestHandlerOptions<Source>) {
  const handle = createFlowgladHandler(options)
  return async (input: RequestHandlerInput, req?: Source): Promise<RequestHandlerOutput> => {
    const method = input.method.toUpperCase()
    const hasBody = method !== 'GET' && method !== 'HEAD'
    const request = new Request('http://localhost/api/flowglad', {
      method,
      headers: { 'content-type': 'application/json' },
      body: hasBody ? JSON.stringify(input.body ?? {}) : undefined,
    })
    const response = await handle(request, { path: input.path, source: req as Source })
    const envelope = (await response.json()) as FlowgladEnvelope
    return envelope.error === null
      ? { status: response.status, data: envelope.data }
      : { status: response.status, error: envelope.error }
  }
}

const codeByStatus: Record<number, FlowgladErrorCode> = {
  400: 'validation_error',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  429: 'rate_limited',
  502: 'upstream_unavailable',
}

/** Upstream's error class (`new RequestHandlerError(message, status)`), mapped onto the catalogue. */
export class RequestHandlerError extends FlowgladError {
  constructor(message: string, status = 400) {
    super(codeByStatus[status] ?? 'internal_error', message)
    this.name = 'RequestHandlerError'
  }
}
