export type ErrorCode = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT'

const STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
}

/** A zod-like issue, as the hosted API sends them inside `error`. */
export interface Issue {
  code: string
  path: (string | number)[]
  message: string
}

/** A typed API failure; the app turns it into `{ error, code, request_id }`. */
export class EmulatorError extends Error {
  readonly code: ErrorCode
  readonly status: 400 | 401 | 403 | 404 | 409
  readonly body: string | Issue[]

  constructor(code: ErrorCode, body: string | Issue[]) {
    super(typeof body === 'string' ? body : JSON.stringify(body))
    this.name = 'EmulatorError'
    this.code = code
    this.status = STATUS[code]
    this.body = body
  }
}

export const badRequest = (body: string | Issue[]): EmulatorError =>
  new EmulatorError('BAD_REQUEST', body)
export const notFound = (message: string): EmulatorError => new EmulatorError('NOT_FOUND', message)
export const conflict = (message: string): EmulatorError => new EmulatorError('CONFLICT', message)
