import type { Context } from 'hono'
import type * as z from 'zod'
import { badRequest, type Issue } from '../errors.js'

/** Reads the JSON body; 400 when it is not JSON (an empty body is `{}` only if allowed). */
export async function readJson(c: Context, allowEmpty = false): Promise<unknown> {
  const text = await c.req.text()
  if (text.trim() === '' && allowEmpty) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw badRequest('Invalid JSON in request body')
  }
}

export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    code: issue.code,
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
  }))
}

/** Validates `value` against `schema`; a failure is a 400 with a zod-like issues array. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw badRequest(toIssues(result.error))
  return result.data
}

/** A query parameter that may appear at most once. */
export function singleQuery(c: Context, name: string): string | undefined {
  const values = c.req.queries(name)
  if (!values || values.length === 0) return undefined
  if (values.length > 1) throw badRequest(`Invalid ${name}: repeated query parameter`)
  return values[0]
}
