import {
  type FlowgladWebhookEvent,
  readBodyText,
  resolveMaxBodyBytes,
  verifyWebhook,
  WebhookVerificationError,
} from '@flowglad/server'
import { isFlowgladError } from '@flowglad/shared/core'

export interface WebhookRouteHandlerOptions<Event = FlowgladWebhookEvent> {
  /** The endpoint's signing secret (`whsec_...`). Keep it server-side, e.g. `process.env.FLOWGLAD_WEBHOOK_SECRET`. */
  secret: string | undefined
  /** Runs once per verified event; the answer is 200 after it resolves, 500 if it throws. */
  onEvent(event: Event, request: Request): void | Promise<void>
  /** Max age of a delivery in seconds (default 300); `null` skips the time check. */
  tolerance?: number | null
  /** Receives what `onEvent` threw (the 500 answer never carries its message). */
  onError?(error: unknown): void
  /**
   * Largest body read, in bytes (default 1,048,576 = 1 MiB; `Infinity` for none): the body is
   * read before its signature can be checked, so anyone could otherwise make the app buffer an
   * upload of any size. Flowglad's events are a few KB. Beyond it: 413 `payload_too_large`.
   */
  maxBodyBytes?: number
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/**
 * App Router: `export const POST = webhookRouteHandler({ secret, onEvent })` in
 * `app/api/webhooks/flowglad/route.ts`. Reads the raw body, verifies it before parsing, answers
 * 400 `webhook_verification_failed` when it does not check out.
 */
export function webhookRouteHandler<Event = FlowgladWebhookEvent>(
  options: WebhookRouteHandlerOptions<Event>,
): (request: Request) => Promise<Response> {
  // A bad limit is the app's mistake: it throws here, not at every delivery.
  const maxBodyBytes = resolveMaxBodyBytes(options.maxBodyBytes)
  return async (request) => {
    if (request.method !== 'POST') {
      return json(405, { error: { code: 'method_not_allowed', message: 'Webhooks are POSTed' } })
    }
    if (!options.secret) {
      options.onError?.(new Error('webhookRouteHandler: no signing secret configured'))
      return json(500, {
        error: { code: 'internal_error', message: 'Webhook endpoint is not configured' },
      })
    }
    let body: string
    try {
      body = await readBodyText(request, maxBodyBytes)
    } catch (error) {
      // Too large (413) or unreadable, e.g. the sender hung up (400).
      if (!isFlowgladError(error)) throw error
      return json(error.status, { error: { code: error.code, message: error.message } })
    }
    let event: Event
    try {
      event = verifyWebhook<Event>(body, request.headers, options.secret, options.tolerance)
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error
      return json(400, {
        error: { code: error.code, reason: error.reason, message: error.message },
      })
    }
    try {
      await options.onEvent(event, request)
    } catch (error) {
      options.onError?.(error)
      return json(500, { error: { code: 'internal_error', message: 'Webhook handler failed' } })
    }
    return json(200, { received: true })
  }
}
