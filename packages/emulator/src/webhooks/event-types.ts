import { FLOWGLAD_WEBHOOK_EVENT_TYPES, type FlowgladWebhookEventType } from '@flowglad/shared'

/** The events a webhook can receive (the OpenAPI document's `filterTypes` enum). */
export const WEBHOOK_EVENT_TYPES = FLOWGLAD_WEBHOOK_EVENT_TYPES
export type WebhookEventType = FlowgladWebhookEventType

/** What changed: the kind and id of the object, and the customer it belongs to. */
export interface ChangedObject {
  object: 'customer' | 'purchase' | 'payment' | 'subscription'
  id: string
  customerId: string
}

/**
 * The JSON body of one delivery, in the shape of Flowglad's webhook guide: `eventType`,
 * `eventId`, `livemode`, `timestamp` and `data` (object reference plus customer). `type`
 * repeats `eventType` for `switch (event.type)`.
 */
export interface WebhookEventBody {
  type: WebhookEventType
  eventType: WebhookEventType
  eventId: string
  livemode: boolean
  timestamp: string
  pricingModelId: string
  data: {
    id: string
    object: ChangedObject['object']
    customer?: { id: string; externalId: string }
  }
}
