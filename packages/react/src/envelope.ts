import { type ActionResult, errorResult, type FlowgladActionError } from './results.js'

type ErrorLike = { code?: unknown; json?: unknown; message?: unknown }

/**
 * Reads the route envelope `{ data, error }`. Errors already shaped `{ code, json }` pass through
 * (ours and the upstream SDK's sub-route errors); the upstream top-level `{ message }` shape and
 * bare strings get the HTTP status as their code, as upstream clients see them.
 */
export function readEnvelope<T>(body: unknown, status: number): ActionResult<T> {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as {
    data?: T
    error?: unknown
  }
  if (envelope.error) return { error: toActionError(envelope.error, status) }
  if (status >= 400) return errorResult(String(status), `Request failed with HTTP ${status}`)
  if (!('data' in envelope)) {
    return errorResult('invalid_response', 'The response is not a { data, error } envelope')
  }
  return { data: envelope.data as T }
}

function toActionError(error: unknown, status: number): FlowgladActionError {
  const { code, json, message } = (typeof error === 'object' ? error : {}) as ErrorLike
  if (typeof code === 'string' && typeof json === 'object' && json !== null) {
    return { code, json: { message: code, ...json } }
  }
  const text = typeof message === 'string' ? message : typeof error === 'string' ? error : ''
  return {
    code: typeof code === 'string' ? code : String(status),
    json: { ...(error as object), message: text || `Request failed with HTTP ${status}` },
  }
}
