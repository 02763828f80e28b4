import { FlowgladError } from '@flowglad/shared/core'

/** What the SDK knows about which subscriptions a customer owns. */
export interface OwnedSubscriptions {
  /** Flowglad's id of the customer (`cust_...`). */
  customerId: string
  currentSubscriptionId: string | null
  currentSubscriptionIds: readonly string[]
  /** Every subscription of the customer, canceled ones included (billing's `subscriptions`). */
  subscriptionIds?: readonly string[]
}

export const DEFAULT_OWNERSHIP_CACHE_TTL_MS = 60_000
export const DEFAULT_OWNERSHIP_CACHE_MAX_ENTRIES = 1_000

interface Entry {
  value: OwnedSubscriptions
  expiresAt: number
  /** Loaded by a re-check after a miss: an id it lacks is refused without asking again. */
  verified: boolean
}

/**
 * A small bounded TTL cache of each customer's current subscription ids, shared by the
 * `FlowgladServer` instances of one process (apps usually build one instance per request).
 * Safe because a subscription never changes owner: a stale entry can only delay recognising a
 * new subscription, never grant access to a foreign one.
 */
export class OwnershipCache {
  readonly #entries = new Map<string, Entry>()
  readonly #inflight = new Map<string, { promise: Promise<OwnedSubscriptions>; stale: boolean }>()
  readonly #maxEntries: number
  readonly #now: () => number

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    const maxEntries = options.maxEntries ?? DEFAULT_OWNERSHIP_CACHE_MAX_ENTRIES
    // NaN or ≤ 0 would make the bound meaningless (never evicting, or caching nothing silently).
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new FlowgladError(
        'validation_error',
        'OwnershipCache maxEntries must be an integer ≥ 1',
      )
    }
    this.#maxEntries = maxEntries
    this.#now = options.now ?? (() => Date.now())
  }

  get size(): number {
    return this.#entries.size
  }

  get(key: string): OwnedSubscriptions | undefined {
    return this.#live(key)?.value
  }

  /**
   * True while the entry comes from a re-check the SDK made because an id was missing. Until it
   * expires or is invalidated, any id it lacks is refused from cache: forged ids cannot make
   * every request a fresh API read.
   */
  isVerified(key: string): boolean {
    return this.#live(key)?.verified === true
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key)
    if (entry && entry.expiresAt <= this.#now()) {
      this.#entries.delete(key)
      return undefined
    }
    return entry
  }

  set(key: string, value: OwnedSubscriptions, ttlMs: number, verified = false): void {
    if (!(ttlMs > 0)) return
    this.#entries.delete(key)
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs, verified })
    // Map keeps insertion order: the first key is the oldest write (there is one: size > max ≥ 1).
    while (this.#entries.size > this.#maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value as string)
    }
  }

  /**
   * The cached value, else one shared load per key (concurrent callers wait for the same fill).
   * With `fresh` (a re-check after a miss), the cached value is skipped but a fill already in
   * flight is still shared, and the new value is stored as verified.
   */
  load(
    key: string,
    ttlMs: number,
    loader: () => Promise<OwnedSubscriptions>,
    options: { fresh?: boolean } = {},
  ): Promise<OwnedSubscriptions> {
    if (!options.fresh && ttlMs > 0) {
      const hit = this.get(key)
      if (hit) return Promise.resolve(hit)
    }
    const pending = this.#inflight.get(key)
    if (pending && !pending.stale) return pending.promise
    const record = { promise: loader(), stale: false }
    this.#inflight.set(key, record)
    const settle = () => {
      if (this.#inflight.get(key) === record) this.#inflight.delete(key)
    }
    record.promise.then((value) => {
      // A write that invalidated the key during the load makes this value stale.
      if (!record.stale) this.set(key, value, ttlMs, options.fresh === true)
      settle()
    }, settle)
    return record.promise
  }

  delete(key: string): void {
    this.#entries.delete(key)
    const pending = this.#inflight.get(key)
    if (pending) pending.stale = true
  }

  clear(): void {
    this.#entries.clear()
    for (const pending of this.#inflight.values()) pending.stale = true
  }
}

const defaultCaches = new WeakMap<object, OwnershipCache>()
const globalFetchScope = {}

/**
 * The shared cache for one fetch implementation: two emulators (or two test setups) with the
 * same base URL never see each other's entries, while one app's instances share theirs.
 */
export function defaultOwnershipCache(fetchImpl: typeof fetch | undefined): OwnershipCache {
  const scope: object = fetchImpl ?? globalFetchScope
  let cache = defaultCaches.get(scope)
  if (!cache) {
    cache = new OwnershipCache()
    defaultCaches.set(scope, cache)
  }
  return cache
}
