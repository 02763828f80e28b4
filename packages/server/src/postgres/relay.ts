import { FlowgladError } from '@flowglad/shared/core'
import { retryDelayMs } from '../batcher/backoff.js'
import { asFlowgladError } from '../batcher/classify-error.js'
import { bulkSender, ownershipGateFor } from '../batcher/client-send.js'
import { type DeliveryOutcome, deliverBatch, type SendBatch } from '../batcher/deliver.js'
import type { QueuedEvent } from '../batcher/entry.js'
import type { OwnershipGate } from '../batcher/ownership.js'
import type { UsageFailure, UsageReceipt } from '../batcher/types.js'
import { generateTransactionId } from '../handler/transaction-id.js'
import type { ClaimedRow, OutboxStore, RowFailure } from './outbox-store.js'
import { type ResolvedRelayOptions, resolveRelayOptions } from './relay-options.js'
import type {
  UsageOutboxRelay,
  UsageOutboxRelayCounts,
  UsageOutboxRelayOptions,
  UsageOutboxStats,
} from './types.js'

const DEFAULT_STOP_TIMEOUT_MS = 30_000

/** A callback that throws must not stop the relay. */
function callSafely<T>(callback: ((value: T) => void) | undefined, value: T): void {
  try {
    callback?.(value)
  } catch {
    // The rows are settled either way; nothing useful can be done with the exception here.
  }
}

class OutboxRelay implements UsageOutboxRelay {
  /** The lease owner written on claimed rows: unique per relay, so only its own rows are handed back. */
  readonly #owner = `relay_${generateTransactionId(16)}`
  readonly #store: OutboxStore
  readonly #options: ResolvedRelayOptions
  readonly #send: SendBatch
  readonly #ownership: OwnershipGate | undefined
  /** Wakes sleeping loops on stop. */
  readonly #stopSignal = new AbortController()
  /** Aborts requests still in flight when stop times out. */
  readonly #requestAbort = new AbortController()
  readonly #loops: Promise<void>[]
  readonly #counts: UsageOutboxRelayCounts = {
    delivered: 0,
    created: 0,
    duplicates: 0,
    failed: 0,
    retried: 0,
    databaseErrors: 0,
  }
  #batchLimit: number
  #inFlight = 0
  #consecutiveFailures = 0
  #databaseFailures = 0
  #resumeAt = 0
  /** The last claim came back full: there is work for more than one loop. */
  #backlog = false
  #idleWaiters: (() => void)[] = []
  #stopped: Promise<UsageOutboxStats> | undefined

  constructor(store: OutboxStore, options: UsageOutboxRelayOptions) {
    this.#store = store
    this.#options = resolveRelayOptions(options)
    this.#batchLimit = this.#options.maxBatchSize
    this.#send = bulkSender(this.#options.client, this.#requestAbort.signal)
    this.#ownership = ownershipGateFor(this.#options.client)
    this.#loops = Array.from({ length: this.#options.maxConcurrentRequests }, (_, index) =>
      this.#loop(index),
    )
  }

  async stats() {
    return { ...(await this.#store.counts()), relay: { ...this.#counts } }
  }

  idle(): Promise<void> {
    if (this.#stopSignal.signal.aborted) return Promise.resolve()
    return new Promise((resolve) => this.#idleWaiters.push(resolve))
  }

  stop(options: { timeoutMs?: number } = {}): Promise<UsageOutboxStats> {
    this.#stopped ??= this.#runStop(options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS)
    return this.#stopped
  }

  async #runStop(timeoutMs: number): Promise<UsageOutboxStats> {
    this.#stopSignal.abort()
    const loops = Promise.all(this.#loops)
    if (!(await this.#within(loops, timeoutMs))) {
      // Aborted requests fail transiently, so their rows are handed back for another relay.
      this.#requestAbort.abort(
        new FlowgladError('upstream_unavailable', 'usage outbox relay stopped'),
      )
      await this.#within(loops, 5_000)
    }
    this.#wakeIdleWaiters()
    return this.stats()
  }

  async #within(promise: Promise<unknown>, ms: number): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms)
    })
    const done = await Promise.race([promise.then(() => true), timeout])
    clearTimeout(timer)
    return done
  }

  get #stopping(): boolean {
    return this.#stopSignal.signal.aborted
  }

  /** Waits `ms`, or less if the relay is stopped meanwhile. */
  #sleep(ms: number): Promise<void> {
    const { signal } = this.#stopSignal
    return new Promise((resolve) => {
      if (signal.aborted) return resolve()
      const done = () => {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      signal.addEventListener('abort', done, { once: true })
    })
  }

  async #loop(index: number): Promise<void> {
    const { leaseMs, pollIntervalMs } = this.#options
    while (!this.#stopping) {
      const wait = this.#resumeAt - Date.now()
      if (wait > 0) {
        await this.#sleep(wait)
        continue
      }
      // One loop polls an idle table and probes a failing API; the others join for a backlog.
      if (index > 0 && (this.#consecutiveFailures > 0 || !this.#backlog)) {
        await this.#sleep(pollIntervalMs)
        continue
      }
      let rows: ClaimedRow[]
      try {
        rows = await this.#store.claim(this.#owner, this.#batchLimit, leaseMs)
        this.#databaseFailures = 0
        this.#backlog = rows.length === this.#batchLimit
      } catch (error) {
        this.#databaseError(error)
        this.#databaseFailures += 1
        await this.#sleep(retryDelayMs(this.#databaseFailures, undefined))
        continue
      }
      if (rows.length === 0) {
        if (this.#inFlight === 0) this.#wakeIdleWaiters()
        await this.#sleep(pollIntervalMs)
        continue
      }
      this.#inFlight += 1
      try {
        await this.#deliver(rows)
      } finally {
        this.#inFlight -= 1
      }
    }
  }

  #wakeIdleWaiters(): void {
    const waiters = this.#idleWaiters
    this.#idleWaiters = []
    for (const wake of waiters) wake()
  }

  #databaseError(error: unknown): void {
    this.#counts.databaseErrors += 1
    callSafely(this.#options.onDatabaseError, error)
  }

  /** Runs a bookkeeping statement; if it fails the rows stay leased and come back after the lease. */
  async #record(write: () => Promise<void>): Promise<void> {
    try {
      await write()
    } catch (error) {
      this.#databaseError(error)
    }
  }

  async #attempt(queued: QueuedEvent[]) {
    let foreign: { entry: QueuedEvent; failure: UsageFailure }[] = []
    let outcome: DeliveryOutcome
    try {
      let toSend: readonly QueuedEvent[] = queued
      if (this.#ownership) {
        const split = await this.#ownership.partition(queued)
        toSend = split.owned
        foreign = split.foreign
      }
      outcome = await deliverBatch(toSend, this.#send)
    } catch (error) {
      // The ownership check itself failed (network): the whole batch waits and tries again.
      outcome = {
        receipts: [],
        failures: [],
        retry: { entries: queued, error, retryAfterMs: undefined },
        shrinkTo: undefined,
      }
    }
    return { outcome, foreign }
  }

  async #deliver(rows: ClaimedRow[]): Promise<void> {
    const rowOf = new Map<QueuedEvent, ClaimedRow>()
    const queued = rows.map((row) => {
      const entry: QueuedEvent = {
        seq: 0,
        event: row.event,
        attempts: row.attempts,
        settled: false,
      }
      rowOf.set(entry, row)
      return entry
    })
    const { outcome, foreign } = await this.#attempt(queued)
    if (outcome.shrinkTo !== undefined)
      this.#batchLimit = Math.min(this.#batchLimit, outcome.shrinkTo)

    const receipts: UsageReceipt[] = outcome.receipts.map(({ receipt }) => receipt)
    const failures: UsageFailure[] = [...outcome.failures, ...foreign].map(({ failure }) => failure)
    const failedRows: RowFailure[] = [...outcome.failures, ...foreign].map(
      ({ entry, failure }) => ({
        id: (rowOf.get(entry) as ClaimedRow).id,
        code: failure.error.code,
        message: failure.error.message,
      }),
    )

    const { retry } = outcome
    if (retry) {
      this.#consecutiveFailures += 1
      const delay = retryDelayMs(this.#consecutiveFailures, retry.retryAfterMs)
      this.#resumeAt = Date.now() + delay
      const error = asFlowgladError(retry.error)
      const handBack: string[] = []
      for (const entry of retry.entries) {
        const row = rowOf.get(entry) as ClaimedRow
        if (row.attempts > this.#options.maxRetries) {
          failures.push({ transactionId: entry.event.transactionId, event: entry.event, error })
          failedRows.push({ id: row.id, code: error.code, message: error.message })
        } else {
          handBack.push(row.id)
        }
      }
      this.#counts.retried += handBack.length
      // A stopping relay hands its rows back at once, for another relay to take.
      const wait = this.#stopping ? 0 : delay
      await this.#record(() => this.#store.release(this.#owner, handBack, wait, error))
    } else {
      this.#consecutiveFailures = 0
    }

    const deliveredIds = outcome.receipts.map(({ entry }) => (rowOf.get(entry) as ClaimedRow).id)
    await this.#record(() => this.#store.markDelivered(deliveredIds, this.#options.keepDelivered))
    await this.#record(() => this.#store.markFailed(failedRows))

    for (const receipt of receipts) {
      if (receipt.status === 'created') this.#counts.created += 1
      else this.#counts.duplicates += 1
    }
    this.#counts.delivered += receipts.length
    this.#counts.failed += failures.length
    if (receipts.length > 0) callSafely(this.#options.onDelivered, receipts)
    if (failures.length > 0) callSafely(this.#options.onError, failures)
  }
}

export function startOutboxRelay(
  store: OutboxStore,
  options: UsageOutboxRelayOptions,
): UsageOutboxRelay {
  return new OutboxRelay(store, options)
}
