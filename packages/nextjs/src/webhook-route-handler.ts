import {
  type FlowgladWebhookEvent,
  verifyWebhook,
  WebhookVerificationError,
} from '@flowglad/server'

export interface WebhookRouteHandlerOptions<Event = FlowgladWebhookEvent> {
  /** The endpoint's signing secret (`whsec_...`). Keep it server-side, e.g. `process.env.FLOWGLAD_WEBHOOK_SECRET`. */
  secret: string | undefined
  /** Runs once per verified event; the answer is 200 after it resolves, 500 if it throws. */
  onEvent(event: Event, request: Request): void | Promise<void>
  /** Max age of a delivery in seconds (default 300); `null` skips the time check. */
  tolerance?: number | null
  /** Receives what `onEvent` threw (the 500 answer never carries its message). */
  onError?(error: unknown): void
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
    const body = await request.text()
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
