import { newId } from '../ids.js'
import type { State } from '../store/state.js'
import { WebhookDeliveries, type WebhookDeliveryOptions } from './deliveries.js'
import { attachWebhookSink } from './emit.js'
import { WebhookEndpoints, type WebhookRegistration, type WebhookRow } from './endpoints.js'
import {
  type ChangedObject,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventBody,
  type WebhookEventType,
} from './event-types.js'

/** `register()` input: only the URL is required (all event types, the default pricing model). */
export type WebhookRegistrationInput = Partial<WebhookRegistration> & { url: string }

/** What an emulator exposes about webhooks, in process (`emulator.webhooks`). */
export interface EmulatorWebhooks {
  /** Registers an endpoint (as `POST /api/v1/webhooks` does); returns it with its signing secret. */
  register(input: WebhookRegistrationInput): { webhook: WebhookRow; secret: string }
  endpoints(): WebhookRow[]
  /** Every delivery with its attempts, newest first. */
  deliveries(): ReturnType<WebhookDeliveries['list']>
  replay(deliveryId: string): ReturnType<WebhookDeliveries['get']>
  /** Resolves once no delivery is in flight or waiting for a retry. */
  idle(): Promise<void>
}

function eventBody(
  state: State,
  type: WebhookEventType,
  changed: ChangedObject,
  at: number,
): WebhookEventBody {
  const customer = state.tables.customers.get(changed.customerId)
  return {
    type,
    eventType: type,
    eventId: newId('evt'),
    livemode: state.livemode,
    timestamp: new Date(at).toISOString(),
    pricingModelId: customer?.pricingModelId ?? state.defaultPricingModelId,
    data: {
      id: changed.id,
      object: changed.object,
      ...(customer ? { customer: { id: customer.id, externalId: customer.externalId } } : {}),
    },
  }
}

/** Endpoints + delivery queue + the sink the domain functions emit into. */
export class WebhookHub implements EmulatorWebhooks {
  readonly endpointTable: WebhookEndpoints
  readonly queue: WebhookDeliveries
  private pending: WebhookEventBody[] = []
  private seen = new Set<string>()

  constructor(
    private readonly current: () => State,
    private readonly now: () => number,
    options: WebhookDeliveryOptions = {},
  ) {
    this.endpointTable = new WebhookEndpoints(() => ({
      organizationId: current().organizationId,
      livemode: current().livemode,
    }))
    this.queue = new WebhookDeliveries(this.endpointTable, options)
  }

  /** Starts delivering the events of `state` (call it whenever the emulator swaps its state). */
  watch(state: State): void {
    attachWebhookSink(state, (changedState, type, changed, at) => {
      // One request can touch an object several times; its events go out once, after it.
      // Nothing to build while no endpoint wants this type (the common case in tests and bench).
      if (this.endpointTable.subscribedTo(type).length === 0) return
      const key = `${type}\u0000${changed.id}`
      if (this.seen.has(key)) return
      this.seen.add(key)
      if (this.pending.length === 0) queueMicrotask(() => this.flush())
      this.pending.push(eventBody(changedState, type, changed, at))
    })
  }

  register(input: WebhookRegistrationInput) {
    return this.endpointTable.create(
      {
        name: 'Local webhook',
        filterTypes: [...WEBHOOK_EVENT_TYPES],
        pricingModelId: this.current().defaultPricingModelId,
        ...input,
      },
      this.now(),
    )
  }

  endpoints() {
    return this.endpointTable.list()
  }

  deliveries() {
    return this.queue.list()
  }

  replay(deliveryId: string) {
    return this.queue.replay(deliveryId)
  }

  idle() {
    // Events emitted by a synchronous call (e.g. `clock.advance`) are still waiting for their
    // microtask: queue them now so they count.
    this.flush()
    return this.queue.idle()
  }

  /** Stops for good: no event is queued, sent or retried after this (the server's `close()`). */
  stop(): void {
    this.pending = []
    this.queue.stop()
  }

  private flush(): void {
    const events = this.pending
    this.pending = []
    this.seen = new Set()
    for (const event of events) this.queue.enqueue(event)
  }
}
