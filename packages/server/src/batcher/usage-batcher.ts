import { FlowgladError } from '@flowglad/shared/core'
import { retryDelayMs } from './backoff.js'
import { asFlowgladError } from './classify-error.js'
import { bulkSender, ownershipGateFor } from './client-send.js'
import { type DeliveryOutcome, deliverBatch, type SendBatch } from './deliver.js'
import type { QueuedEvent } from './entry.js'
import { Fifo } from './fifo.js'
import { UsageFlushError } from './flush-error.js'
import {
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  type ResolvedBatcherOptions,
  resolveBatcherOptions,
} from './options.js'
import type { OwnershipGate } from './ownership.js'
import { Timer } from './timer.js'
import { prepareTrackedEvent } from './track-input.js'
import type {
  TrackedUsageEventInput,
  UsageBatcher,
  UsageBatcherCounts,
  UsageBatcherOptions,
  UsageFailure,
  UsageFlushResult,
  UsageReceipt,
} from './types.js'

interface FlushWaiter {
  /** The last seq tracked before the flush was called. */
  maxSeq: number
  outstanding: number
  delivered: number
  failures: UsageFailure[]
  resolve: (result: UsageFlushResult) => void
  reject: (error: UsageFlushError) => void
}

type Settlement =
  | { entry: QueuedEvent; receipt: UsageReceipt; failure?: undefined }
  | { entry: QueuedEvent; failure: UsageFailure; receipt?: undefined }

/** A callback that throws must not break delivery; its exception is dropped on purpose. */
function callSafely<T>(callback: ((value: T) => void) | undefined, value: T): void {
  if (!callback) return
  try {
    callback(value)
  } catch {
    // The events are settled either way; nothing useful can be done with the exception here.
  }
}

class QueueingUsageBatcher implements UsageBatcher {
  readonly #options: ResolvedBatcherOptions
  readonly #send: SendBatch
  readonly #ownership: OwnershipGate | undefined
  /** Never sent yet, in tracking order. */
  readonly #pending = new Fifo<QueuedEvent>()
  /** Sent, failed transiently, waiting for the backoff gate; they go first. */
  readonly #retry = new Fifo<QueuedEvent>()
  readonly #inFlight = new Set<readonly QueuedEvent[]>()
  #seq = 0
  /** Pending events with seq up to this one are due now (the interval fired or a flush asked). */
  #dueUpTo = 0
  #batchLimit: number
  #consecutiveFailures = 0
  #resumeAt = 0
  /** Set after a transient failure until the gate timer fires: every retry waits on a timer. */
  #backingOff = false
  #pumpScheduled = false
  readonly #intervalTimer = new Timer()
  readonly #gateTimer = new Timer()
  readonly #debounceTimer = new Timer()
  readonly #waiters = new Set<FlushWaiter>()
  readonly #abort = new AbortController()
  #closed = false
  #abandoned = false
  #shutdown: Promise<UsageBatcherCounts> | undefined
  readonly #counts = { tracked: 0, created: 0, duplicates: 0, failed: 0 }

  constructor(options: UsageBatcherOptions) {
    this.#options = resolveBatcherOptions(options)
    this.#batchLimit = this.#options.maxBatchSize
    this.#send = bulkSender(this.#options.client, this.#abort.signal)
    this.#ownership = ownershipGateFor(this.#options.client)
  }

  get size(): number {
    let inFlight = 0
    for (const batch of this.#inFlight) inFlight += batch.length
    return this.#pending.length + this.#retry.length + inFlight
  }

  stats(): UsageBatcherCounts {
    const { tracked, created, duplicates, failed } = this.#counts
    return {
      tracked,
      delivered: created + duplicates,
      created,
      duplicates,
      failed,
      pending: this.size,
    }
  }

  track(input: TrackedUsageEventInput): string {
    if (this.#closed) {
      throw new FlowgladError('internal_error', 'usage batcher is shut down: create a new one')
    }
    const event = prepareTrackedEvent(input)
    if (this.size >= this.#options.maxQueueSize) {
      throw new FlowgladError(
        'queue_full',
        `usage batcher holds ${this.size} events (maxQueueSize ${this.#options.maxQueueSize}); event ${event.transactionId} was not queued`,
        {
          details: { maxQueueSize: this.#options.maxQueueSize, transactionId: event.transactionId },
        },
      )
    }
    this.#seq += 1
    this.#pending.push({ seq: this.#seq, event, attempts: 0, settled: false })
    this.#counts.tracked += 1
    if (this.#pending.length >= this.#batchLimit) this.#schedulePump()
    else this.#armInterval()
    if (this.#options.waitUntil) this.#scheduleServerlessFlush(this.#options.waitUntil)
    return event.transactionId
  }

  flush(): Promise<UsageFlushResult> {
    const outstanding = this.size
    if (outstanding === 0) return Promise.resolve({ delivered: 0 })
    return new Promise<UsageFlushResult>((resolve, reject) => {
      // Everything held now was tracked before this call, so it is exactly the flush's scope.
      this.#waiters.add({
        maxSeq: this.#seq,
        outstanding,
        delivered: 0,
        failures: [],
        resolve,
        reject,
      })
      this.#dueUpTo = this.#seq
      this.#setKeepAlive(true)
      this.#pump()
    })
  }

  shutdown(options: { timeoutMs?: number } = {}): Promise<UsageBatcherCounts> {
    this.#shutdown ??= this.#runShutdown(options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS)
    return this.#shutdown
  }

  async #runShutdown(timeoutMs: number): Promise<UsageBatcherCounts> {
    this.#closed = true
    this.#intervalTimer.clear()
    this.#debounceTimer.clear()
    const flushed = this.flush().then(
      () => true,
      () => true,
    )
    let deadline: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<false>((resolve) => {
      deadline = setTimeout(() => resolve(false), timeoutMs)
    })
    const finished = await Promise.race([flushed, timedOut])
    clearTimeout(deadline)
    if (!finished) this.#abandon(timeoutMs)
    this.#gateTimer.clear()
    return this.stats()
  }

  /** Shutdown timed out: stop sending and report everything still held as failed. */
  #abandon(timeoutMs: number): void {
    this.#abandoned = true
    this.#abort.abort(new FlowgladError('upstream_unavailable', 'usage batcher shut down'))
    const error = new FlowgladError(
      'upstream_unavailable',
      `usage batcher shut down after ${timeoutMs} ms before these events were acknowledged; an event that was in flight may have been stored, so re-tracking it with the same transactionId is safe`,
    )
    const held = [...this.#retry.drain(), ...this.#pending.drain()]
    for (const batch of this.#inFlight) held.push(...batch)
    // A request that ignores the abort signal must not keep its events counted as held.
    this.#inFlight.clear()
    this.#settle(
      held.map((entry) => ({
        entry,
        failure: { transactionId: entry.event.transactionId, event: entry.event, error },
      })),
    )
  }

  #scheduleServerlessFlush(waitUntil: (promise: Promise<unknown>) => void): void {
    if (this.#debounceTimer.armed) return
    const flushed = new Promise<void>((resolve) => {
      this.#debounceTimer.arm(this.#options.waitUntilDebounceMs, resolve)
    })
      .then(() => this.flush())
      // Failures reach onError; the platform's promise must not reject.
      .then(
        () => undefined,
        () => undefined,
      )
    callSafely(waitUntil, flushed)
  }

  #armInterval(): void {
    this.#intervalTimer.arm(this.#options.flushIntervalMs, () => {
      this.#dueUpTo = this.#seq
      this.#pump()
    })
  }

  #schedulePump(): void {
    if (this.#pumpScheduled) return
    this.#pumpScheduled = true
    // A microtask, so `track` stays cheap and synchronous tracking fills whole batches.
    queueMicrotask(() => this.#pump())
  }

  /** Starts as many requests as the limits allow; the only place that sends. */
  #pump(): void {
    this.#pumpScheduled = false
    if (this.#abandoned) return
    for (;;) {
      if (this.#retry.length === 0 && this.#pending.length === 0) return
      // While the API is failing, probe with one request at a time.
      const limit = this.#consecutiveFailures > 0 ? 1 : this.#options.maxConcurrentRequests
      if (this.#inFlight.size >= limit) return
      if (this.#backingOff) {
        // A real timer even when the wait is 0, so a failing API that answers at once can
        // never keep this loop on the microtask queue and starve the app's timers and I/O.
        this.#gateTimer.arm(Math.max(0, this.#resumeAt - Date.now()), () => {
          this.#backingOff = false
          this.#pump()
        })
        return
      }
      const head = this.#pending.peek()
      const due =
        this.#retry.length > 0 ||
        this.#closed ||
        this.#pending.length >= this.#batchLimit ||
        (head !== undefined && head.seq <= this.#dueUpTo)
      if (!due) {
        this.#armInterval()
        return
      }
      const batch = this.#retry.take(this.#batchLimit)
      if (batch.length < this.#batchLimit)
        batch.push(...this.#pending.take(this.#batchLimit - batch.length))
      void this.#sendBatch(batch)
    }
  }

  async #sendBatch(batch: QueuedEvent[]): Promise<void> {
    this.#inFlight.add(batch)
    let outcome: DeliveryOutcome
    let foreign: { entry: QueuedEvent; failure: UsageFailure }[] = []
    try {
      let toSend: readonly QueuedEvent[] = batch
      if (this.#ownership) {
        const split = await this.#ownership.partition(batch)
        toSend = split.owned
        foreign = split.foreign
      }
      outcome = await deliverBatch(toSend, this.#send)
    } catch (error) {
      // The ownership check itself failed (network): the whole batch waits and tries again.
      for (const entry of batch) entry.attempts += 1
      outcome = {
        receipts: [],
        failures: [],
        retry: { entries: batch, error, retryAfterMs: undefined },
        shrinkTo: undefined,
      }
    }
    this.#inFlight.delete(batch)
    this.#absorb(outcome, foreign)
    this.#pump()
  }

  /** Books one request's outcome. Synchronous, so `size` never over-counts or under-counts. */
  #absorb(
    outcome: DeliveryOutcome,
    foreign: { entry: QueuedEvent; failure: UsageFailure }[],
  ): void {
    if (outcome.shrinkTo !== undefined)
      this.#batchLimit = Math.min(this.#batchLimit, outcome.shrinkTo)
    const settlements: Settlement[] = [...outcome.receipts, ...outcome.failures, ...foreign]
    const { retry } = outcome
    if (retry) {
      this.#consecutiveFailures += 1
      this.#resumeAt = Date.now() + retryDelayMs(this.#consecutiveFailures, retry.retryAfterMs)
      this.#backingOff = true
      const error = asFlowgladError(retry.error)
      for (const entry of retry.entries) {
        if (entry.settled) continue
        if (this.#abandoned || entry.attempts > this.#options.maxRetries) {
          const { event } = entry
          settlements.push({ entry, failure: { transactionId: event.transactionId, event, error } })
        } else {
          this.#retry.push(entry)
        }
      }
    } else {
      this.#consecutiveFailures = 0
    }
    this.#settle(settlements)
  }

  #settle(settlements: readonly Settlement[]): void {
    const receipts: UsageReceipt[] = []
    const failures: UsageFailure[] = []
    for (const settlement of settlements) {
      const { entry } = settlement
      if (entry.settled) continue
      entry.settled = true
      if (settlement.receipt) {
        receipts.push(settlement.receipt)
        if (settlement.receipt.status === 'created') this.#counts.created += 1
        else this.#counts.duplicates += 1
      } else {
        failures.push(settlement.failure)
        this.#counts.failed += 1
      }
      for (const waiter of this.#waiters) {
        if (entry.seq > waiter.maxSeq) continue
        waiter.outstanding -= 1
        if (settlement.receipt) waiter.delivered += 1
        else waiter.failures.push(settlement.failure)
      }
    }
    if (receipts.length > 0) callSafely(this.#options.onDelivered, receipts)
    if (failures.length > 0) callSafely(this.#options.onError, failures)
    this.#releaseWaiters()
  }

  #releaseWaiters(): void {
    for (const waiter of this.#waiters) {
      if (waiter.outstanding > 0) continue
      this.#waiters.delete(waiter)
      if (waiter.failures.length > 0)
        waiter.reject(new UsageFlushError(waiter.failures, waiter.delivered))
      else waiter.resolve({ delivered: waiter.delivered })
    }
    if (this.#waiters.size === 0) this.#setKeepAlive(false)
  }

  #setKeepAlive(value: boolean): void {
    this.#gateTimer.keepAlive(value)
    this.#intervalTimer.keepAlive(value)
  }
}

/**
 * A bounded, loss-free usage-event batcher: `track` is synchronous, events go out through
 * `POST /usage-events/bulk` in batches, transient failures are retried with the same
 * transactionIds (so the API's idempotency makes every retry safe), bad events are isolated.
 */
export function createUsageBatcher(options: UsageBatcherOptions): UsageBatcher {
  return new QueueingUsageBatcher(options)
}
