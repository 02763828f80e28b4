import type { z } from 'zod'
import { FlowgladError } from './errors.js'

/** One validation issue as zod reports it (the fields the catalogue keeps). */
export interface ValidationIssue {
  code: string
  path: readonly PropertyKey[]
  message: string
}

/** Anything with zod's `safeParse` contract: a zod schema, or a compiled validator. */
export interface SafeParser<Out = unknown> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: Out }
    | { success: false; error: { issues: readonly ValidationIssue[] } }
}

/** What a parser yields: zod's output type for a schema, the declared one otherwise. */
export type ParsedOutput<S> = S extends z.ZodType
  ? z.output<S>
  : S extends SafeParser<infer O>
    ? O
    : never

/** A zod failure as the catalogue's `validation_error`, issues kept as details. */
export function zodIssuesToValidationError(
  error: { issues: readonly ValidationIssue[] },
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

/** Parses or throws `validation_error`: the one way packages apply a shared schema (zod-free itself). */
export function parseOrThrow<S extends SafeParser>(
  schema: S,
  input: unknown,
  prefix?: string,
): ParsedOutput<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw zodIssuesToValidationError(result.error, prefix)
  return result.data as ParsedOutput<S>
}
