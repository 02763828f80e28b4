import type { FlowgladErrorCode } from '@flowglad/shared/browser'

/**
 * Codes only the browser client produces (in the shared catalogue with status 0): the request
 * never got an answer, the answer was not the JSON envelope, or the hook ran outside a provider.
 */
export type ClientErrorCode = Extract<
  FlowgladErrorCode,
  'network_error' | 'invalid_response' | 'provider_missing'
>

/** The error half of every action result; `code` may also be an upstream server's own code. */
export interface FlowgladActionError {
  code: FlowgladErrorCode | ClientErrorCode | (string & {})
  json: { message: string; [key: string]: unknown }
}

export type ErrorResult = { error: FlowgladActionError }

/** What `call()` resolves to: never a thrown HTTP or network error. */
export type ActionResult<T> = { data: T } | ErrorResult

export function errorResult(
  code: FlowgladActionError['code'],
  message: string,
  extra?: Record<string, unknown>,
): ErrorResult {
  return { error: { code, json: { ...extra, message } } }
}
