import type { FlowgladError, UsageEvent } from '@flowglad/shared/core'
import type { UsageEventWireInput } from '../client/wire-types.js'
import type { UsageEventInput } from '../server/usage-event-input.js'

type Defaulted<T> = T extends unknown
  ? Omit<T, 'amount' | 'transactionId'> & {
      /** Defaults to 1. */
      amount?: number
      /** Defaults to a fresh nanoid, fixed at `track` time so every retry reuses it. */
      transactionId?: string
    }
  : never

/** What `track` accepts: the strict server shape with `amount` and `transactionId` optional. */
export type TrackedUsageEventInput = Defaulted<UsageEventInput>

/** Per-call options the batcher passes to the client (both SDK classes accept them). */
export interface UsageBatcherCallOptions {
  /** Always 0: the batcher runs its own retry loop. */
  maxRetries?: number
  /** One request per call (`FlowgladServer` would otherwise re-chunk). */
  chunkSize?: number
  /** Fired when `shutdown` gives up on in-flight requests. */
  signal?: AbortSignal
}

/**
 * The client the batcher sends through: a `FlowgladServerAdmin`, or a `FlowgladServer` (which
 * also has `assertOwnsSubscription`, so ownership is checked before anything is sent).
 */
export interface UsageBatcherClient {
  bulkCreateUsageEvents(
    params: { usageEvents: UsageEventInput[] },
    options?: UsageBatcherCallOptions,
  ): Promise<{ usageEvents: UsageEvent[] }>
  assertOwnsSubscription?(subscriptionId: string): Promise<void>
}

/** One event acknowledged by the API. */
export interface UsageReceipt {
  transactionId: string
  /** `created`: inserted by this request; `duplicate`: the API already held it (e.g. an earlier attempt whose answer was lost). */
  status: 'created' | 'duplicate'
  event: UsageEventWireInput
  /** The stored row, for `created` receipts. */
  usageEvent?: UsageEvent
}

/** One event that will not be retried: the API rejected it, or the batcher gave up on it. */
export interface UsageFailure {
  transactionId: string
  event: UsageEventWireInput
  error: FlowgladError
}

export interface UsageBatcherOptions {
  client: UsageBatcherClient
  /** Events per bulk request (default 500). */
  maxBatchSize?: number
  /** How long a partial batch waits for company (default 1000 ms). */
  flushIntervalMs?: number
  /** Events held at most, queued plus in flight; `track` throws `queue_full` beyond (default 100 000). */
  maxQueueSize?: number
  /** Retries per event for transient failures (default Infinity: never drop usage; bound it with `shutdown({ timeoutMs })`). */
  maxRetries?: number
  /** Bulk requests in flight at once while the API is healthy (default 4; 1 while it is failing). */
  maxConcurrentRequests?: number
  /** Serverless: called with a promise that flushes shortly after tracking (Next's `after`, Vercel's `waitUntil`). */
  waitUntil?: (promise: Promise<unknown>) => void
  /** How long the `waitUntil` flush waits for more events (default 20 ms). */
  waitUntilDebounceMs?: number
  onDelivered?: (receipts: UsageReceipt[]) => void
  onError?: (failures: UsageFailure[]) => void
}

export interface UsageBatcherCounts {
  tracked: number
  /** Acknowledged by the API: created + duplicates. */
  delivered: number
  created: number
  duplicates: number
  failed: number
  /** Still held (queued or in flight). */
  pending: number
}

export interface UsageFlushResult {
  /** Events of this flush's scope that the API acknowledged. */
  delivered: number
}

export interface UsageBatcher {
  /** Validates and enqueues; returns the transactionId. Throws `validation_error` or `queue_full`. */
  track(event: TrackedUsageEventInput): string
  /** Resolves once every event tracked before the call is acknowledged; rejects with `UsageFlushError` if some failed for good. */
  flush(): Promise<UsageFlushResult>
  /** Stops timers and tracking, flushes (bounded by `timeoutMs`, default 30 000) and returns the lifetime counts. */
  shutdown(options?: { timeoutMs?: number }): Promise<UsageBatcherCounts>
  /** Events held right now (queued + in flight); never above `maxQueueSize`. */
  readonly size: number
  stats(): UsageBatcherCounts
}
