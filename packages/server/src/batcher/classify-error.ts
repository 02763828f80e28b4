import { FlowgladError, isFlowgladError } from '@flowglad/shared/core'

/**
 * What a failed bulk request means for its events:
 * - `transient`: try again later (network, timeouts, 5xx, 408, 429, unknown errors);
 * - `too_large`: 413, split the batch;
 * - `rejected`: the API refused something in the batch (400/404/403/409/422), bisect to find it;
 * - `fatal`: nothing in the batch can succeed (401 bad key, other 4xx), fail it without bisecting.
 */
export type FailureKind = 'transient' | 'too_large' | 'rejected' | 'fatal'

const rejectedCodes = new Set(['validation_error', 'not_found', 'forbidden', 'conflict'])

export function classifyFailure(error: unknown): FailureKind {
  // Unknown errors are retried rather than dropped: losing usage costs more than a retry.
  if (!isFlowgladError(error)) return 'transient'
  if (error.status === 413) return 'too_large'
  if (error.code === 'upstream_unavailable' || error.code === 'rate_limited') return 'transient'
  if (rejectedCodes.has(error.code)) return 'rejected'
  return 'fatal'
}

/**
 * A server-requested wait, if the error carries one (`retryAfterMs` on the error or in its
 * details); the REST client's own retries honour Retry-After headers.
 */
export function retryAfterHintMs(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { retryAfterMs, details } = error as { retryAfterMs?: unknown; details?: unknown }
  const fromDetails =
    typeof details === 'object' && details !== null
      ? (details as { retryAfterMs?: unknown }).retryAfterMs
      : undefined
  const value = retryAfterMs ?? fromDetails
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined
}

/** Any error as a catalogue error, so `onError` always gets a code. */
export function asFlowgladError(error: unknown): FlowgladError {
  if (error instanceof FlowgladError) return error
  if (isFlowgladError(error)) {
    return new FlowgladError(error.code, error.message, { status: error.status, cause: error })
  }
  const message = error instanceof Error ? error.message : String(error)
  return new FlowgladError('upstream_unavailable', `Usage batch failed: ${message}`, {
    cause: error,
  })
}
