// Webhook verification (edge-safe, synchronous) and the typed Flowglad webhook events.
export {
  FLOWGLAD_WEBHOOK_EVENT_TYPES,
  type FlowgladWebhookEvent,
  type FlowgladWebhookEventData,
  type FlowgladWebhookEventOf,
  type FlowgladWebhookEventType,
  type WebhookCustomerReference,
  type WebhookObjectReference,
  type WebhookSyncStreamData,
} from './events.js'
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  MAX_WEBHOOK_FUTURE_SECONDS,
  verifyWebhook,
  type WebhookPayload,
} from './verify-webhook.js'
export type { WebhookHeaders } from './webhook-headers.js'
export {
  WebhookVerificationError,
  type WebhookVerificationFailure,
} from './webhook-verification-error.js'
