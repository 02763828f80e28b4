import type { FlowgladActionKey } from '@flowglad/shared/browser'
import { type BillingClient, FlowgladRequestError } from './billing-client.js'

/** One keyed query as the hooks read it; `data` stays on screen while a refresh runs. */
export type QueryState<T> =
  | { status: 'idle' | 'loading'; data?: undefined; error: null }
  | { status: 'loaded'; data: T; error: null }
  | { status: 'error'; data?: undefined; error: FlowgladRequestError }

/** What one query fetches: `tag` is its family (the upstream query-key constant). */
export interface QuerySpec {
  tag: string
  action: FlowgladActionKey
  input: object
}

interface Entry {
  spec: QuerySpec
  state: QueryState<unknown>
  listeners: Set<() => void>
  started: number
  inflight?: Promise<void>
}

export interface QueryStore {
  get(key: string): QueryState<unknown>
  subscribe(key: string, spec: QuerySpec, listener: () => void): () => void
  /** Loads once: concurrent and repeated calls share the first request. */
  load(key: string, spec: QuerySpec): Promise<void>
}

const idle: QueryState<never> = { status: 'idle', error: null }

/** The cache key of a spec: its family plus its input, e.g. `flowglad-usage-meters{}`. */
export const queryKey = (spec: QuerySpec) => spec.tag + JSON.stringify(spec.input)

/**
 * The keyed queries of one billing client. Lives next to the client (one store per client, made
 * by the first hook that needs it), so an app that imports no hook never carries it.
 */
function createQueryStore(client: BillingClient): QueryStore {
  const entries = new Map<string, Entry>()

  const entry = (key: string, spec: QuerySpec) => {
    let found = entries.get(key)
    if (!found) {
      found = { spec, state: idle, listeners: new Set(), started: 0 }
      entries.set(key, found)
    }
    return found
  }

  const set = (found: Entry, state: QueryState<unknown>) => {
    found.state = state
    for (const listener of found.listeners) listener()
  }

  function fetchEntry(found: Entry): Promise<void> {
    if (found.state.status !== 'loaded') set(found, { status: 'loading', error: null })
    const sequence = ++found.started
    const request = client.call<unknown>(found.spec.action, found.spec.input).then((result) => {
      if (sequence !== found.started) return // a newer request owns the entry
      if ('error' in result)
        set(found, { status: 'error', error: new FlowgladRequestError(result.error) })
      else set(found, { status: 'loaded', data: result.data, error: null })
    })
    found.inflight = request
    void request.finally(() => {
      if (found.inflight === request) found.inflight = undefined
    })
    return request
  }

  // Mounted queries of the family refetch now; unmounted ones forget, so a later mount loads.
  client.onInvalidate((tag) => {
    for (const [key, found] of entries) {
      if (tag === undefined ? !found.spec.tag.startsWith('flowglad-') : found.spec.tag !== tag) {
        continue
      }
      if (found.listeners.size > 0) void fetchEntry(found)
      else entries.delete(key)
    }
  })

  return {
    get: (key) => entries.get(key)?.state ?? idle,
    subscribe(key, spec, listener) {
      const found = entry(key, spec)
      found.listeners.add(listener)
      return () => found.listeners.delete(listener)
    },
    load(key, spec) {
      const found = entry(key, spec)
      if (found.inflight) return found.inflight
      // After a failure, the next mount tries again.
      return found.state.status === 'loaded' ? Promise.resolve() : fetchEntry(found)
    },
  }
}

const stores = /* @__PURE__ */ new WeakMap<BillingClient, QueryStore>()

/** The query store of `client`, made on first use. */
export function queryStoreOf(client: BillingClient): QueryStore {
  let store = stores.get(client)
  if (!store) {
    store = createQueryStore(client)
    stores.set(client, store)
  }
  return store
}
