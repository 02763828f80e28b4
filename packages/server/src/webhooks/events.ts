// The webhook events Flowglad sends. The event types (from `@flowglad/shared`) are the
// `filterTypes` enum of Flowglad's OpenAPI document; the body shape follows Flowglad's webhook
// guide (`eventType`, `eventId`, `livemode`, `timestamp`, `data` holding an object reference plus
// the customer). `type` repeats `eventType` so either field narrows the union in a `switch`.

import { FLOWGLAD_WEBHOOK_EVENT_TYPES, type FlowgladWebhookEventType } from '@flowglad/shared/core'

export { FLOWGLAD_WEBHOOK_EVENT_TYPES, type FlowgladWebhookEventType }

/** The Flowglad customer an event concerns (its own id and your externalId). */
export interface WebhookCustomerReference {
  id: string
  externalId: string
}

/** What changed: its id and kind, plus the customer when there is one. */
export interface WebhookObjectReference<Kind extends string> {
  id: string
  object: Kind
  customer?: WebhookCustomerReference
}

/** `sync.events_available`: new events wait in the organisation's sync stream. */
export interface WebhookSyncStreamData {
  id: string
  object: 'sync_stream'
  /** `${organizationId}:live` or `${organizationId}:test`. */
  scopeId: string
  latestSequence: string
  eventCount: number
}

export interface FlowgladWebhookEventData {
  'customer.created': WebhookObjectReference<'customer'>
  'customer.updated': WebhookObjectReference<'customer'>
  'purchase.completed': WebhookObjectReference<'purchase'>
  'payment.failed': WebhookObjectReference<'payment'>
  'payment.succeeded': WebhookObjectReference<'payment'>
  'subscription.created': WebhookObjectReference<'subscription'>
  'subscription.updated': WebhookObjectReference<'subscription'>
  'subscription.canceled': WebhookObjectReference<'subscription'>
  'sync.events_available': WebhookSyncStreamData
}

/** One event of type `Type`. */
export interface FlowgladWebhookEventOf<Type extends FlowgladWebhookEventType> {
  type: Type
  eventType: Type
  /** Unique per event (stable across retries): use it to process each event once. */
  eventId: string
  livemode: boolean
  /** ISO 8601: when the event was recorded. */
  timestamp: string
  pricingModelId?: string
  data: FlowgladWebhookEventData[Type]
}

/** Any Flowglad webhook event; `switch (event.type)` narrows `event.data`. */
export type FlowgladWebhookEvent = {
  [Type in FlowgladWebhookEventType]: FlowgladWebhookEventOf<Type>
}[FlowgladWebhookEventType]
