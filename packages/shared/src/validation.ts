import type { z } from 'zod'
import { FlowgladError } from './errors.js'

/** A zod failure as the catalogue's `validation_error`, issues kept as details. */
export function zodIssuesToValidationError(
  error: z.ZodError,
  prefix = 'Invalid input',
): FlowgladError {
  const issues = error.issues.map((issue) => ({
    code: issue.code,
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }))
  const first = issues[0]
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : ''
  const message = first ? `${prefix}${where}: ${first.message}` : prefix
  return new FlowgladError('validation_error', message, { details: issues })
}

/** Parses or throws `validation_error`: the one way packages apply a shared schema. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix?: string,
): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw zodIssuesToValidationError(result.error, prefix)
  return result.data
}
