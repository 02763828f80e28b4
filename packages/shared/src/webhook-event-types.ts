/**
 * The events a Flowglad webhook can receive: the `filterTypes` enum of Flowglad's OpenAPI
 * document. The server SDK types the events with it; the emulator emits and filters by it.
 */
export const FLOWGLAD_WEBHOOK_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'purchase.completed',
  'payment.failed',
  'payment.succeeded',
  'subscription.created',
  'subscription.updated',
  'subscription.canceled',
  'sync.events_available',
] as const

export type FlowgladWebhookEventType = (typeof FLOWGLAD_WEBHOOK_EVENT_TYPES)[number]
