import { FlowgladError } from '@flowglad/shared/core'
import { runAttempt, sleep } from './abort.js'
import { type ApiAnswer, apiErrorFromResponse } from './api-error.js'
import {
  checkClientOptions,
  type FlowgladClientOptions,
  type RequestOptions,
  type ResolvedClientConfig,
  resolveClientConfig,
} from './options.js'
import { backoffDelayMs, isRetryableStatus, retryDelayMs } from './retry-policy.js'

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
  const ids = values.map((value: unknown) => {
    // Number.isFinite is false for anything but a finite number (it does not convert).
    if (typeof value === 'string' ? value.trim() !== '' : Number.isFinite(value)) {
      return encodeURIComponent(String(value))
    }
    throw new FlowgladError(
      'validation_error',
      `Invalid id in /api/v1${strings.join('{id}')}: expected a non-empty string, got ${describeValue(value)}`,
    )
  })
  // Each part after the first follows an id.
  return `/api/v1${strings.reduce((path, part, index) => path + ids[index - 1] + part)}`
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  return value === null || typeof value === 'number' ? String(value) : typeof value
}

/**
 * The body as JSON, once. A value JSON cannot write (BigInt, a cycle, nesting deeper than the
 * stack) is the caller's bad input: `validation_error`, nothing sent, never a crash.
 */
function serialiseBody(body: unknown, where: string): string {
  try {
    return JSON.stringify(body)
  } catch (error) {
    const reason =
      error instanceof RangeError
        ? 'it nests too deeply'
        : error instanceof Error
          ? error.message
          : String(error)
    throw new FlowgladError(
      'validation_error',
      `Request body for ${where} cannot be serialised as JSON: ${reason}`,
      { cause: error },
    )
  }
}

/**
 * Waits for the response and its body (the attempt's timeout covers reading the body too):
 * parsed JSON, the raw text when it is not JSON, null when empty.
 */
async function readAnswer(pending: Promise<Response>): Promise<ApiAnswer> {
  const response = await pending
  const text = await response.text()
  let body: unknown = null
  try {
    if (text !== '') body = JSON.parse(text)
  } catch {
    body = text
  }
  return { status: response.status, headers: response.headers, body }
}

/** A transient failure with no API error to show, once the retries have run out. */
function unavailable(
  what: string,
  where: string,
  attempts: number,
  details: object,
  cause?: unknown,
): FlowgladError {
  return new FlowgladError(
    'upstream_unavailable',
    `Flowglad API ${what} (${where}, ${attempts} attempt${attempts === 1 ? '' : 's'})`,
    { cause, details: { attempts, ...details } },
  )
}

function buildURL(baseURL: string, path: string, query: RestRequest['query']): string {
  const url = new URL(baseURL + path)
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value))
  }
  return url.toString()
}

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
    const { signal } = options
    const maxRetries = options.maxRetries ?? config.maxRetries
    const timeout = options.timeout ?? config.timeout
    const url = buildURL(config.baseURL, request.path, request.query)
    const where = `${request.method} ${request.path}`
    const headers: Record<string, string> = {
      Authorization: config.apiKey,
      Accept: 'application/json',
    }
    let body: string | undefined
    if (request.body !== undefined) {
      body = serialiseBody(request.body, where)
      headers['Content-Type'] = 'application/json'
    }

    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted()
      const outcome = await runAttempt(timeout, signal, (attemptSignal) =>
        readAnswer(
          config.fetch(url, { method: request.method, headers, body, signal: attemptSignal }),
        ),
      )
      // What to throw once the retries run out, and how long to wait before the next one.
      let error: FlowgladError
      let delay: number | undefined
      if ('error' in outcome) {
        if (signal?.aborted) throw signal.reason
        const { timedOut } = outcome
        const what = timedOut ? `timed out after ${timeout} ms` : 'could not be reached'
        error = unavailable(what, where, attempt, { timedOut }, outcome.error)
      } else if (outcome.status >= 200 && outcome.status < 300) {
        if (typeof outcome.body !== 'string') return outcome.body as T
        // A success whose body is not JSON is a broken answer, not data: treat it as a
        // transient failure (retries are safe: usage events carry their transactionId).
        const { status } = outcome
        error = unavailable(`answered ${status} with a body that is not JSON`, where, attempt, {
          status,
        })
      } else {
        error = apiErrorFromResponse(outcome, where, config.apiKey)
        if (!isRetryableStatus(outcome.status)) throw error
        delay = retryDelayMs(attempt - 1, outcome.headers)
      }
      if (attempt > maxRetries) throw error
      await sleep(delay ?? backoffDelayMs(attempt - 1), signal)
    }
  }
}
