import {
  type FlowgladErrorCode,
  flowgladErrorCatalogue,
  isFlowgladError,
} from '@flowglad/shared/core'

export interface PublicFailure {
  code: FlowgladErrorCode
  /** The catalogue status, 500 for anything that has none. */
  status: number
  /** Safe to show the MCP caller. */
  detail: string
}

/**
 * What an MCP caller may learn of a thrown value. Only our own 4xx messages are passed on
 * verbatim: an API answer or a 5xx may carry text meant for no end user, so those get the
 * catalogue's wording, and a non-Flowglad throw (a bug) says nothing of itself.
 */
export function describeFailure(error: unknown): PublicFailure {
  if (!isFlowgladError(error) || error.code === 'internal_error') {
    return { code: 'internal_error', status: 500, detail: 'an unexpected error happened' }
  }
  const status = flowgladErrorCatalogue[error.code].status
  const fromApi = (error as { name?: unknown }).name === 'FlowgladApiError'
  const ownClientError = status >= 400 && status < 500 && !fromApi
  return {
    code: error.code,
    status: status >= 400 ? status : 500,
    detail: ownClientError ? error.message : flowgladErrorCatalogue[error.code].when,
  }
}
