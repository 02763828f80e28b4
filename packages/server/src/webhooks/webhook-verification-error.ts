import { FlowgladError } from '@flowglad/shared/core'

/** Why a webhook was refused, for code that wants more than the message. */
export type WebhookVerificationFailure =
  | 'missing_header'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'invalid_secret'
  | 'invalid_signature'
  | 'invalid_payload'

/**
 * Thrown by `verifyWebhook` for every refusal. Named like upstream's class (so `instanceof` and
 * `error.name` checks port unchanged) and a `FlowgladError` with code `webhook_verification_failed`
 * (status 400), so route code can answer it like any other bad input.
 */
export class WebhookVerificationError extends FlowgladError {
  readonly reason: WebhookVerificationFailure

  constructor(message: string, reason: WebhookVerificationFailure = 'invalid_signature') {
    super('webhook_verification_failed', message, { details: { reason } })
    this.name = 'WebhookVerificationError'
    this.reason = reason
  }
}
