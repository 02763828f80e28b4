import { notFound } from '../errors.js'
import { newId } from '../ids.js'
import type { WebhookEndpoints } from './endpoints.js'
import type { WebhookEventBody } from './event-types.js'
import { signDelivery } from './signing.js'

export interface WebhookDeliveryOptions {
  /** Sends each attempt. Default: global `fetch`; in-process, pass your app's handler. */
  fetch?: (request: Request) => Promise<Response>
  /** Waits before each retry, in ms; its length is the number of retries. Default [1000, 5000, 30000]. */
  retryDelaysMs?: readonly number[]
  /** An attempt that takes longer fails as a timeout. Default 10000 (Flowglad's limit). */
  timeoutMs?: number
  /** Deliveries kept for `GET /_emulator/webhook-deliveries` (oldest finished ones go first). Default 500. */
  keep?: number
}

export interface WebhookAttempt {
  attempt: number
  /** Wall-clock epoch ms when it was sent. */
  at: number
  /** The endpoint's HTTP status, or null when there was no answer (timeout, connection error). */
  status: number | null
  durationMs: number
  /** The first 2 KB of the endpoint's answer. */
  responseBody: string
  error: string | null
  replay: boolean
}

export interface WebhookDelivery {
  id: string
  webhookId: string
  url: string
  eventId: string
  eventType: string
  /** The `svix-id` header: the same for every attempt and replay of this message. */
  messageId: string
  /** The exact JSON body that was signed and sent. */
  body: string
  status: 'pending' | 'succeeded' | 'failed'
  attempts: WebhookAttempt[]
  /** When the next retry is due (wall-clock epoch ms), or null. */
  nextAttemptAt: number | null
  createdAt: number
}

const RESPONSE_BODY_LIMIT = 2048
const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000] as const
const DEFAULT_TIMEOUT_MS = 10_000

class AttemptTimeout extends Error {}

/** Runs `send` but gives up (aborting it) after `ms`, whether or not `send` honours the signal. */
async function withTimeout<T>(ms: number, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new AttemptTimeout(`no answer within ${ms} ms`))
    }, ms)
  })
  try {
    return await Promise.race([send(controller.signal), timeout])
  } finally {
    clearTimeout(timer)
  }
}

function unref(timer: ReturnType<typeof setTimeout>): void {
  // A retry waiting on its timer must not keep a Node process alive on its own.
  ;(timer as { unref?: () => void }).unref?.()
}

/**
 * The delivery queue: one delivery per (event, subscribed endpoint), sent signed and off the
 * request path, retried with backoff, every attempt recorded.
 */
export class WebhookDeliveries {
  private readonly log: WebhookDelivery[] = []
  private readonly byId = new Map<string, WebhookDelivery>()
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  /** Per endpoint, the first attempt last queued: first attempts go out one at a time. */
  private readonly firstAttempts = new Map<string, Promise<void>>()
  private busy = 0
  /** Set by `stop()`: nothing is queued, sent or retried any more. */
  private stopped = false
  private idleWaiters: Array<() => void> = []
  private readonly send: (request: Request) => Promise<Response>
  private readonly retryDelaysMs: readonly number[]
  private readonly timeoutMs: number
  private readonly keep: number

  constructor(
    private readonly endpoints: WebhookEndpoints,
    options: WebhookDeliveryOptions = {},
  ) {
    this.send = options.fetch ?? ((request) => fetch(request))
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.keep = options.keep ?? 500
  }

  /** Queues `event` for every active endpoint subscribed to its type; returns at once. */
  enqueue(event: WebhookEventBody): void {
    if (this.stopped) return
    const body = JSON.stringify(event)
    const messageId = `msg_${event.eventId.slice(event.eventId.indexOf('_') + 1)}`
    for (const endpoint of this.endpoints.subscribedTo(event.type)) {
      const delivery: WebhookDelivery = {
        id: newId('whdel'),
        webhookId: endpoint.id,
        url: endpoint.url,
        eventId: event.eventId,
        eventType: event.type,
        messageId,
        body,
        status: 'pending',
        attempts: [],
        nextAttemptAt: Date.now(),
        createdAt: Date.now(),
      }
      this.remember(delivery)
      this.later(0, () => this.inOrder(endpoint.id, () => this.attempt(delivery, false)))
    }
  }

  /** Sends a delivery once more now (a manual resend: same message id and body, fresh signature). */
  replay(id: string): WebhookDelivery {
    const delivery = this.get(id)
    this.later(0, () => this.attempt(delivery, true))
    return delivery
  }

  get(id: string): WebhookDelivery {
    const delivery = this.byId.get(id)
    if (!delivery) throw notFound(`Webhook delivery not found: ${id}`)
    return delivery
  }

  /** Newest first. */
  list(): WebhookDelivery[] {
    return [...this.log].reverse()
  }

  /** Resolves once nothing is being sent or waiting for a retry. */
  idle(): Promise<void> {
    if (this.busy === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /**
   * Cancels every waiting attempt and retry, for good (used when the emulator's server closes):
   * later events and replays send nothing, and an attempt already in flight is not retried.
   */
  stop(): void {
    this.stopped = true
    for (const timer of this.timers) clearTimeout(timer)
    this.busy -= this.timers.size
    this.timers.clear()
    this.settle()
  }

  private remember(delivery: WebhookDelivery): void {
    this.log.push(delivery)
    this.byId.set(delivery.id, delivery)
    while (this.log.length > this.keep) {
      const index = this.log.findIndex((entry) => entry.status !== 'pending')
      if (index < 0) break
      const [dropped] = this.log.splice(index, 1)
      if (dropped) this.byId.delete(dropped.id)
    }
  }

  /** Runs `job` after `ms`, counting it as work until it finishes. */
  private later(ms: number, job: () => Promise<void>): void {
    if (this.stopped) return
    this.busy++
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      job().finally(() => {
        this.busy--
        this.settle()
      })
    }, ms)
    this.timers.add(timer)
    unref(timer)
  }

  /**
   * First attempts to one endpoint are sent one after another, in the order the events happened,
   * so a healthy endpoint receives `customer.created` before `subscription.created`. Retries and
   * replays are not held back (an endpoint that keeps failing never blocks the queue).
   */
  private inOrder(webhookId: string, job: () => Promise<void>): Promise<void> {
    const next = (this.firstAttempts.get(webhookId) ?? Promise.resolve()).then(job)
    this.firstAttempts.set(webhookId, next)
    void next.finally(() => {
      if (this.firstAttempts.get(webhookId) === next) this.firstAttempts.delete(webhookId)
    })
    return next
  }

  private settle(): void {
    if (this.busy > 0) return
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  private async attempt(delivery: WebhookDelivery, replay: boolean): Promise<void> {
    // A first attempt can still be waiting in `inOrder` behind one in flight when `stop()` runs.
    if (this.stopped) return
    const secret = this.endpoints.secretOf(delivery.webhookId)
    if (!secret) return
    const at = Date.now()
    const record: WebhookAttempt = {
      attempt: delivery.attempts.length + 1,
      at,
      status: null,
      durationMs: 0,
      responseBody: '',
      error: null,
      replay,
    }
    delivery.attempts.push(record)
    delivery.status = 'pending'
    delivery.nextAttemptAt = null
    try {
      const request = await this.signedRequest(delivery, secret, at)
      const response = await withTimeout(this.timeoutMs, async (signal) => {
        const answer = await this.send(new Request(request, { signal }))
        return { status: answer.status, text: await answer.text() }
      })
      record.status = response.status
      record.responseBody = response.text.slice(0, RESPONSE_BODY_LIMIT)
      if (response.status < 200 || response.status > 299) record.error = `HTTP ${response.status}`
    } catch (error) {
      record.error =
        error instanceof AttemptTimeout
          ? `timeout: ${error.message}`
          : error instanceof Error
            ? error.message
            : String(error)
    }
    record.durationMs = Date.now() - at
    this.conclude(delivery, record, replay)
  }

  private conclude(delivery: WebhookDelivery, record: WebhookAttempt, replay: boolean): void {
    if (record.error === null) {
      delivery.status = 'succeeded'
      return
    }
    const retriesSoFar = delivery.attempts.filter((entry) => !entry.replay).length - 1
    const delay = this.retryDelaysMs[retriesSoFar]
    if (replay || delay === undefined) {
      delivery.status = 'failed'
      return
    }
    delivery.nextAttemptAt = Date.now() + delay
    this.later(delay, () => this.attempt(delivery, false))
  }

  private async signedRequest(
    delivery: WebhookDelivery,
    secret: string,
    at: number,
  ): Promise<Request> {
    const timestamp = Math.floor(at / 1000)
    return new Request(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'flowglad-emulator-webhooks',
        'svix-id': delivery.messageId,
        'svix-timestamp': String(timestamp),
        'svix-signature': await signDelivery(secret, delivery.messageId, timestamp, delivery.body),
      },
      body: delivery.body,
    })
  }
}
