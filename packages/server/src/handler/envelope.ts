import type { FlowgladErrorBody } from '@flowglad/shared/core'
import type { ErrorAnswer } from './to-error-answer.js'

/** The wire shape of every answer: exactly one of `data` and `error` is non-null. */
export type FlowgladEnvelope<T = unknown> =
  | { data: T; error: null }
  | { data: null; error: FlowgladErrorBody }

const jsonHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
}

export function successResponse(data: unknown): Response {
  return envelopeResponse(200, { data: data ?? null, error: null })
}

export function errorResponse({ status, body }: ErrorAnswer): Response {
  return envelopeResponse(status, { data: null, error: body })
}

function envelopeResponse(status: number, envelope: FlowgladEnvelope): Response {
  // A 405 names the one method every action accepts.
  const headers = status === 405 ? { ...jsonHeaders, allow: 'POST' } : jsonHeaders
  return new Response(JSON.stringify(envelope), { status, headers })
}
