import { type HttpHandler, http } from 'msw'
import type { Emulator } from './emulator.js'

export interface FlowgladHandlersOptions {
  /** Only intercept this origin (e.g. `https://app.flowglad.com`). Default: any origin. */
  baseUrl?: string
}

/** msw handlers that answer every `/api/v1/*` request from the given emulator. */
export function flowgladHandlers(
  emulator: Emulator,
  options: FlowgladHandlersOptions = {},
): HttpHandler[] {
  const base = options.baseUrl ? options.baseUrl.replace(/\/+$/, '') : '*'
  return [http.all(`${base}/api/v1/*`, ({ request }) => emulator.fetch(request))]
}
