import type { FlowgladErrorBody } from '@flowglad/shared/core'

/** The wire shape of every answer: exactly one of `data` and `error` is non-null. */
export type FlowgladEnvelope<T = unknown> =
  | { data: T; error: null }
  | { data: null; error: FlowgladErrorBody }

const jsonHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
}

export function successResponse(data: unknown): Response {
  const envelope: FlowgladEnvelope = { data: data ?? null, error: null }
  return new Response(JSON.stringify(envelope), { status: 200, headers: jsonHeaders })
}

export function errorResponse(
  status: number,
  error: FlowgladErrorBody,
  extraHeaders: Record<string, string> = {},
): Response {
  const envelope: FlowgladEnvelope = { data: null, error }
  return new Response(JSON.stringify(envelope), {
    status,
    headers: { ...jsonHeaders, ...extraHeaders },
  })
}
