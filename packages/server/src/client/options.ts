import { DEFAULT_FLOWGLAD_BASE_URL, FlowgladError, getBaseURL } from '@flowglad/shared/core'
import { readEnv } from './env.js'

export const DEFAULT_BASE_URL = DEFAULT_FLOWGLAD_BASE_URL
export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_MAX_RETRIES = 2

/** Options shared by `FlowgladServer`, `FlowgladServerAdmin` and the REST client. */
export interface FlowgladClientOptions {
  /** Secret key; defaults to `FLOWGLAD_SECRET_KEY`. */
  apiKey?: string
  /** API origin; defaults to `FLOWGLAD_BASE_URL`, else `https://app.flowglad.com`. */
  baseURL?: string
  /** A fetch implementation (tests, custom agents); defaults to the global `fetch`. */
  fetch?: typeof fetch
  /** Extra attempts after the first for transient failures (default 2, 0 disables). */
  maxRetries?: number
  /** Per-attempt timeout in milliseconds (default 30 000). */
  timeout?: number
}

/** Per-call overrides. */
export interface RequestOptions {
  timeout?: number
  maxRetries?: number
  /** Aborts the call (and its retries) when fired. */
  signal?: AbortSignal
}

export interface ResolvedClientConfig {
  apiKey: string
  baseURL: string
  fetch: typeof fetch
  maxRetries: number
  timeout: number
}

export function checkClientOptions(options: FlowgladClientOptions): void {
  for (const name of ['maxRetries', 'timeout'] as const) {
    const value = options[name]
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new FlowgladError('validation_error', `${name} must be a non-negative integer`)
    }
  }
}

/** Resolved at the first call, so a missing key fails there with a message naming both sources. */
export function resolveClientConfig(options: FlowgladClientOptions): ResolvedClientConfig {
  const apiKey = options.apiKey?.trim() || readEnv('FLOWGLAD_SECRET_KEY')
  if (!apiKey) {
    throw new FlowgladError(
      'internal_error',
      'Flowglad secret key missing: pass `apiKey` to the constructor or set the FLOWGLAD_SECRET_KEY environment variable',
    )
  }
  return {
    apiKey,
    // Both sources come trimmed.
    baseURL: (options.baseURL?.trim() || getBaseURL()).replace(/\/+$/, ''),
    // Looked up at each call, so a fetch installed (or mocked) later is the one used.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
  }
}
