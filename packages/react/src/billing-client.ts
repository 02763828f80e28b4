import type { CustomerBillingDetails, FlowgladActionKey } from '@flowglad/shared/browser'
import { readEnvelope } from './envelope.js'
import { type ActionResult, errorResult, type FlowgladActionError } from './results.js'

export interface BillingClientOptions {
  /** Where the app mounts `/api/flowglad`: absolute (`https://app.example`) or `/`-relative; default same origin. */
  baseURL?: string
  /**
   * Where Better Auth is mounted (e.g. `/api/auth`) when the Flowglad plugin serves the routes:
   * every call goes to `<betterAuthBasePath>/flowglad/<action>`, and `baseURL` is not used.
   */
  betterAuthBasePath?: string
  /** Extra headers on every request; a function is read per request. */
  headers?: HeadersInit | (() => HeadersInit | undefined)
  /** Replaces the global `fetch` (React Native, tests, custom auth). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>
  /** Start in the loaded state with this billing object (dev mode, SSR hand-off). */
  initialBilling?: CustomerBillingDetails
  /** First retry delay of `createUsageEvent`; doubles per retry. Default 300 ms. */
  retryDelayMs?: number
}

export type BillingState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; billing: CustomerBillingDetails }
  | { status: 'error'; error: FlowgladRequestError }

/** A `call()` answer with the HTTP status it came with (0: no response at all). */
export interface SentRequest<T> {
  status: number
  result: ActionResult<T>
}

export interface BillingClient {
  readonly baseURL: string
  readonly retryDelayMs: number
  getState(): BillingState
  subscribe(listener: () => void): () => void
  /** Loads billing once: concurrent and repeated calls share the first request. */
  load(): Promise<void>
  /**
   * Asks for billing from inside a React render: an idle client turns `loading` at once, without
   * notifying (no store update while React renders), so no later render can read it as idle. The
   * request itself starts in a microtask once readers are subscribed, else on the next `load()`.
   */
  request(): void
  /** Fetches billing again; a late answer never overwrites a newer one. Never rejects. */
  reload(): Promise<void>
  /** POSTs `input` to the action's route and reads the `{ data, error }` envelope. Never throws. */
  call<T>(key: FlowgladActionKey, input?: object): Promise<ActionResult<T>>
  send<T>(key: FlowgladActionKey, input?: object): Promise<SentRequest<T>>
  /**
   * Tells the hooks' keyed queries that an action changed their data: `tag` names one query
   * family (e.g. `flowglad-usage-meters`); omitted, every customer query. Mounted ones refetch.
   */
  invalidate(tag?: string): void
  /** Registers the hooks' query store for `invalidate()` calls. */
  onInvalidate(listener: (tag?: string) => void): () => void
}

/** The error a failed billing load leaves in the state (and in `useBilling().errors`). */
export class FlowgladRequestError extends Error {
  readonly code: string
  readonly json: FlowgladActionError['json']

  constructor(error: FlowgladActionError) {
    super(error.json.message)
    this.name = 'FlowgladRequestError'
    this.code = error.code
    this.json = error.json
  }
}

/** Throws for a baseURL that is neither absolute nor `/`-relative (the upstream rule). */
export function checkBaseURL(baseURL: string, name = 'baseURL'): string {
  if (baseURL === '' || baseURL.startsWith('/')) return baseURL
  try {
    new URL(baseURL)
    return baseURL
  } catch {
    throw new TypeError(`${name} must be an absolute URL or start with "/": ${baseURL}`)
  }
}

/** The URL every action path is appended to (upstream's rule: Better Auth's base path wins). */
function routeRootOf(baseURL: string, betterAuthBasePath: string | undefined): string {
  if (betterAuthBasePath !== undefined) {
    return `${checkBaseURL(betterAuthBasePath, 'betterAuthBasePath').replace(/\/+$/, '')}/flowglad`
  }
  return `${baseURL.replace(/\/+$/, '')}/api/flowglad`
}

export function createBillingClient(options: BillingClientOptions = {}): BillingClient {
  const baseURL = checkBaseURL(options.baseURL ?? '')
  const routeRoot = routeRootOf(baseURL, options.betterAuthBasePath)
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const listeners = new Set<() => void>()
  const invalidators = new Set<(tag?: string) => void>()
  let state: BillingState = options.initialBilling
    ? { status: 'loaded', billing: options.initialBilling }
    : { status: 'idle' }
  let started = 0
  let applied = 0
  let inflight: Promise<void> | undefined

  const setState = (next: BillingState) => {
    state = next
    for (const listener of listeners) listener()
  }

  async function send<T>(key: FlowgladActionKey, input: object = {}): Promise<SentRequest<T>> {
    const extra = typeof options.headers === 'function' ? options.headers() : options.headers
    const headers = new Headers(extra)
    headers.set('Content-Type', 'application/json')
    let response: Response
    try {
      // A route's path is its key (the shared route table guarantees it), so the URL needs no
      // lookup and the browser bundle carries neither the table nor the key object.
      response = await doFetch(`${routeRoot}/${key}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input),
      })
    } catch (cause) {
      return { status: 0, result: errorResult('network_error', messageOf(cause)) }
    }
    try {
      return {
        status: response.status,
        result: readEnvelope<T>(await response.json(), response.status),
      }
    } catch (cause) {
      // A body that breaks off mid-stream is a network failure; one that is not JSON is not.
      return cause instanceof SyntaxError
        ? {
            status: response.status,
            result: errorResult(
              'invalid_response',
              `HTTP ${response.status}: the body is not JSON`,
            ),
          }
        : { status: 0, result: errorResult('network_error', messageOf(cause)) }
    }
  }

  // `request()` may have marked the state loading before any request started.
  const firstLoadDue = () =>
    state.status === 'idle' || (state.status === 'loading' && started === 0)

  function fetchBilling(): Promise<void> {
    // Notifies also after a silent `request()`, so readers rendered before it catch up.
    if (firstLoadDue()) setState({ status: 'loading' })
    const sequence = ++started
    const request = send<CustomerBillingDetails>('customers/billing').then(({ result }) => {
      if (sequence < applied) return // a newer answer is already on screen
      applied = sequence
      if ('error' in result)
        setState({ status: 'error', error: new FlowgladRequestError(result.error) })
      else if (typeof result.data !== 'object' || result.data === null) {
        const error = errorResult('invalid_response', 'Billing response has no data').error
        setState({ status: 'error', error: new FlowgladRequestError(error) })
      } else setState({ status: 'loaded', billing: result.data })
    })
    inflight = request
    void request.finally(() => {
      if (inflight === request) inflight = undefined
    })
    return request
  }

  const load = () => inflight ?? (firstLoadDue() ? fetchBilling() : Promise.resolve())

  return {
    baseURL,
    retryDelayMs: options.retryDelayMs ?? 300,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    load,
    request() {
      if (state.status !== 'idle') return
      state = { status: 'loading' }
      if (listeners.size > 0) queueMicrotask(() => void load())
    },
    reload: fetchBilling,
    call: async <T>(key: FlowgladActionKey, input?: object) => (await send<T>(key, input)).result,
    send,
    invalidate(tag) {
      for (const listener of invalidators) listener(tag)
    },
    onInvalidate(listener) {
      invalidators.add(listener)
      return () => invalidators.delete(listener)
    },
  }
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : 'Network request failed'
}
