import type { Emulator } from '../emulator.js'
import { webhookCreateBody } from './schemas.js'

/**
 * `--webhook-url` (and optional `--webhook-secret`): registers one endpoint for every event type
 * and returns the lines to print, the signing secret among them (the app needs it to verify).
 */
export function registerCliWebhook(emulator: Emulator, url: string, secret?: string): string[] {
  const checked = webhookCreateBody.shape.webhook.shape.url.safeParse(url)
  if (!checked.success) throw new Error(`Invalid --webhook-url ${url}: expected an http(s) URL`)
  const registered = emulator.webhooks.register({ url, ...(secret ? { secret } : {}) })
  return [
    `Webhooks: every event goes to ${url} (endpoint ${registered.webhook.id})`,
    `Webhook signing secret: ${registered.secret}`,
  ]
}
