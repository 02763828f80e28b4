import { FlowgladError } from '@flowglad/shared/core'
import { attemptSignal, raceAbort, sleep } from './abort.js'
import { apiErrorFromResponse } from './api-error.js'
import {
  checkClientOptions,
  type FlowgladClientOptions,
  type RequestOptions,
  type ResolvedClientConfig,
  resolveClientConfig,
} from './options.js'
import { backoffDelayMs, isRetryableStatus, retryAfterMs, retryDelayMs } from './retry-policy.js'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface RestRequest {
  method: HttpMethod
  /** Path under the base URL, e.g. `/api/v1/usage-events`; build it with `apiPath`. */
  path: string
  query?: Record<string, string | number | undefined>
  body?: unknown
}

/**
 * Builds an `/api/v1/...` path, URL-encoding every interpolated value. A blank or non-string id
 * is a `validation_error`: `/customers/${''}` would otherwise quietly hit the list endpoint.
 */
export function apiPath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  let path = '/api/v1'
  strings.forEach((part, index) => {
    path += part
    if (index >= values.length) return
    const value: unknown = values[index]
    const usable =
      (typeof value === 'string' && value.trim() !== '') ||
      (typeof value === 'number' && Number.isFinite(value))
    if (!usable) {
      throw new FlowgladError(
        'validation_error',
        `Invalid id in /api/v1${strings.join('{id}')}: expected a non-empty string, got ${describeValue(value)}`,
      )
    }
    path += encodeURIComponent(String(value))
  })
  return path
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === null) return 'null'
  return typeof value === 'number' ? String(value) : typeof value
}

/**
 * The body as JSON, once. A value JSON cannot write (BigInt, a cycle, nesting deeper than the
 * stack) is the caller's bad input: `validation_error`, nothing sent, never a crash.
 */
function serialiseBody(request: RestRequest): string {
  try {
    return JSON.stringify(request.body)
  } catch (error) {
    const reason =
      error instanceof RangeError
        ? 'it nests too deeply'
        : error instanceof Error
          ? error.message
          : String(error)
    throw new FlowgladError(
      'validation_error',
      `Request body for ${request.method} ${request.path} cannot be serialised as JSON: ${reason}`,
      { cause: error },
    )
  }
}

function parseBody(text: string): unknown {
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function buildURL(baseURL: string, path: string, query: RestRequest['query']): string {
  const url = new URL(baseURL + path)
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value))
  }
  return url.toString()
}

type AttemptOutcome =
  | { kind: 'response'; status: number; headers: Headers; body: unknown }
  | { kind: 'failure'; error: unknown; timedOut: boolean }

/**
 * The internal REST client: fetch only (edge-safe), per-attempt timeouts, retries with
 * exponential backoff and full jitter on network errors, timeouts, 408, 429 and 5xx.
 * A request body is serialised once, so every retry sends exactly the same bytes (usage events
 * keep their transactionId, which makes retries idempotent on the API side).
 */
export class FlowgladRestClient {
  readonly #options: FlowgladClientOptions
  #config: ResolvedClientConfig | undefined

  constructor(options: FlowgladClientOptions = {}) {
    checkClientOptions(options)
    this.#options = { ...options }
  }

  /** Resolved lazily: a missing key is reported at the first call, not at construction. */
  get config(): ResolvedClientConfig {
    this.#config ??= resolveClientConfig(this.#options)
    return this.#config
  }

  get<T>(path: string, query?: RestRequest['query'], options?: RequestOptions): Promise<T> {
    return this.request<T>({ method: 'GET', path, query }, options)
  }

  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>({ method: 'POST', path, body }, options)
  }

  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>({ method: 'PUT', path, body }, options)
  }

  async request<T>(request: RestRequest, options: RequestOptions = {}): Promise<T> {
    const config = this.config
    const maxRetries = options.maxRetries ?? config.maxRetries
    const timeout = options.timeout ?? config.timeout
    const url = buildURL(config.baseURL, request.path, request.query)
    const headers: Record<string, string> = {
      Authorization: config.apiKey,
      Accept: 'application/json',
    }
    let payload: string | undefined
    if (request.body !== undefined) {
      payload = serialiseBody(request)
      headers['Content-Type'] = 'application/json'
    }

    for (let attempt = 0; ; attempt++) {
      options.signal?.throwIfAborted()
      const outcome = await this.#attempt(config, url, request.method, headers, payload, {
        timeout,
        signal: options.signal,
      })
      const canRetry = attempt < maxRetries
      if (outcome.kind === 'failure') {
        if (options.signal?.aborted) throw options.signal.reason
        if (canRetry) {
          await sleep(backoffDelayMs(attempt), options.signal)
          continue
        }
        const what = outcome.timedOut ? `timed out after ${timeout} ms` : 'could not be reached'
        throw new FlowgladError(
          'upstream_unavailable',
          `Flowglad API ${what} (${request.method} ${request.path}, ${attempt + 1} attempt${attempt === 0 ? '' : 's'})`,
          { cause: outcome.error, details: { attempts: attempt + 1, timedOut: outcome.timedOut } },
        )
      }
      if (outcome.status >= 200 && outcome.status < 300) {
        if (typeof outcome.body !== 'string') return outcome.body as T
        // A success whose body is not JSON is a broken answer, not data: treat it as a
        // transient failure (retries are safe: usage events carry their transactionId).
        if (canRetry) {
          await sleep(backoffDelayMs(attempt), options.signal)
          continue
        }
        throw new FlowgladError(
          'upstream_unavailable',
          `Flowglad API answered ${outcome.status} with a body that is not JSON (${request.method} ${request.path}, ${attempt + 1} attempt${attempt === 0 ? '' : 's'})`,
          { details: { attempts: attempt + 1, status: outcome.status } },
        )
      }
      if (isRetryableStatus(outcome.status) && canRetry) {
        await sleep(retryDelayMs(attempt, outcome.headers), options.signal)
        continue
      }
      throw apiErrorFromResponse({
        status: outcome.status,
        body: outcome.body,
        headerRequestId: outcome.headers.get('x-request-id'),
        method: request.method,
        path: request.path,
        apiKey: config.apiKey,
        retryAfterMs: retryAfterMs(outcome.headers),
      })
    }
  }

  async #attempt(
    config: ResolvedClientConfig,
    url: string,
    method: HttpMethod,
    headers: Record<string, string>,
    payload: string | undefined,
    limits: { timeout: number; signal: AbortSignal | undefined },
  ): Promise<AttemptOutcome> {
    const attempt = attemptSignal(limits.timeout, limits.signal)
    try {
      const response = await raceAbort(
        config.fetch(url, { method, headers, body: payload, signal: attempt.signal }),
        attempt.signal,
      )
      // The timeout covers reading the body too.
      const text = await raceAbort(response.text(), attempt.signal)
      return {
        kind: 'response',
        status: response.status,
        headers: response.headers,
        body: parseBody(text),
      }
    } catch (error) {
      return { kind: 'failure', error, timedOut: attempt.timedOut() }
    } finally {
      attempt.dispose()
    }
  }
}
