import {
  type FlowgladErrorBody,
  type FlowgladErrorCode,
  flowgladErrorStatuses,
  isFlowgladError,
} from '@flowglad/shared/core'

export interface ErrorAnswer {
  status: number
  body: FlowgladErrorBody
}

/** The one answer for bugs: nothing of the thrown value reaches the client. */
export function internalErrorAnswer(): ErrorAnswer {
  return {
    status: 500,
    body: { code: 'internal_error', json: { message: 'Internal server error' } },
  }
}

/**
 * What the browser reads instead of the API's own text, which may carry stack traces, SQL or
 * other customers' data. The raw error still reaches `onError`.
 */
const upstreamMessages: Partial<Record<FlowgladErrorCode, string>> = {
  validation_error: 'The Flowglad API refused the request as invalid',
  forbidden: 'The Flowglad API refused the request',
  not_found: 'Not found in Flowglad',
  conflict: 'The Flowglad API reported a conflict with an earlier request',
  rate_limited: 'Too many requests to Flowglad, try again later',
  upstream_unavailable: 'Flowglad is unavailable right now, try again later',
  queue_full: 'Too many usage events are waiting to be sent, try again later',
}

const fallbackUpstreamMessage = 'The request could not be completed, try again later'

/** Only ids that look like ids are echoed: the field comes from the API and could carry anything. */
const requestIdPattern = /^[\w.:-]{1,128}$/
const apiCodePattern = /^[A-Z][A-Z_]{0,39}$/

/** By name, which every `FlowgladApiError` sets: true across bundles too, where `instanceof` is not. */
function isApiError(error: unknown): boolean {
  return (error as { name?: unknown }).name === 'FlowgladApiError'
}

/**
 * Any thrown value → catalogue status + `{ code, json }`. The status comes from the catalogue
 * by code (an API error's own `.status` is the upstream status, not ours). A non-catalogue
 * throw is a bug: 500 `internal_error`, its message kept out of the answer. So is a
 * browser-only code (catalogue status 0): it has no HTTP status, and the server never means it.
 * An answer from the API, and any 5xx, gets a fixed message, the API's code and request id.
 */
export function toErrorAnswer(error: unknown): ErrorAnswer {
  if (!isFlowgladError(error)) return internalErrorAnswer()
  const { code, details } = error
  const status = flowgladErrorStatuses[code]
  if (code === 'internal_error' || status < 400) return internalErrorAnswer()
  if (!isApiError(error) && status < 500) {
    const json: FlowgladErrorBody['json'] = { message: error.message }
    // `json.issues` is reserved for a list of issues; other details keep their name.
    if (details !== undefined) {
      json[code === 'validation_error' && Array.isArray(details) ? 'issues' : 'details'] = details
    }
    return { status, body: { code, json } }
  }
  const json: FlowgladErrorBody['json'] = {
    message: upstreamMessages[code] ?? fallbackUpstreamMessage,
  }
  const { apiCode, requestId } = error as { apiCode?: unknown; requestId?: unknown }
  if (typeof apiCode === 'string' && apiCodePattern.test(apiCode)) json.apiCode = apiCode
  if (typeof requestId === 'string' && requestIdPattern.test(requestId)) json.requestId = requestId
  return { status, body: { code, json } }
}
