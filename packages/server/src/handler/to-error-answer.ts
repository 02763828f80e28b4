import {
  type FlowgladErrorBody,
  flowgladErrorCatalogue,
  isFlowgladError,
  toErrorBody,
} from '@flowglad/shared'

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
 * Any thrown value → catalogue status + `{ code, json }`. The status comes from the catalogue
 * by code (an API error's own `.status` is the upstream status, not ours). A non-catalogue
 * throw is a bug: 500 `internal_error`, its message kept out of the answer. So is a
 * browser-only code (catalogue status 0): it has no HTTP status, and the server never means it.
 */
export function toErrorAnswer(error: unknown): ErrorAnswer {
  if (!isFlowgladError(error)) return internalErrorAnswer()
  const status = flowgladErrorCatalogue[error.code].status
  if (error.code === 'internal_error' || status < 400) return internalErrorAnswer()
  const body = toErrorBody(error)
  // `json.issues` is reserved for a list of issues; other validation details keep their name.
  if (body.json.issues !== undefined && !Array.isArray(body.json.issues)) {
    body.json.details = body.json.issues
    delete body.json.issues
  }
  // Upstream failures keep their message but not their raw details (they may echo API internals).
  if (status >= 500) delete body.json.details
  const requestId = (error as { requestId?: unknown }).requestId
  if (typeof requestId === 'string' && requestId.length > 0) body.json.requestId = requestId
  return { status, body }
}
