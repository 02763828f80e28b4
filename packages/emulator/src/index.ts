export type { Clock } from './clock.js'
export { createClock } from './clock.js'
export { CLOCK_RANGE } from './clock-range.js'
export type { RequestInfo } from './context.js'
export type { CheckoutResult } from './domain/checkout.js'
export { createEmulator, type Emulator, type EmulatorOptions } from './emulator.js'
export { EmulatorError, type ErrorCode, type Issue } from './errors.js'
export { EmulatorConnectionReset, FAULT_MODES, type FaultMode } from './faults.js'
export type { PricingModelSpec } from './pricing/model.js'
export { parsePricingModel } from './pricing/normalise.js'
export { PricingFileSyntaxError, parsePricingText } from './pricing/parse-text.js'
export type { PricingFileInput } from './pricing/schema.js'
export { demoSeed } from './seed/demo.js'
export { parseSeed, type Seed, type SeedInput, seedSchema } from './seed/format.js'
export { type EmulatorSnapshot, SNAPSHOT_VERSION } from './store/snapshot.js'
export type { SnapshotSource } from './store/snapshot-stream.js'
export type {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryOptions,
} from './webhooks/deliveries.js'
export type { WebhookRow } from './webhooks/endpoints.js'
export {
  WEBHOOK_EVENT_TYPES,
  type WebhookEventBody,
  type WebhookEventType,
} from './webhooks/event-types.js'
export type { EmulatorWebhooks, WebhookRegistrationInput } from './webhooks/hub.js'
