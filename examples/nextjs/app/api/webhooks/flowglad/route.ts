import { webhookRouteHandler } from '@flowglad/nextjs/server'
import { recordWebhook } from '@/lib/webhook-events'

// Flowglad (or the local emulator) POSTs signed events here. The secret stays on the server:
// it is read from the environment at request time and never reaches the browser bundle.
export const POST = webhookRouteHandler({
  secret: process.env.FLOWGLAD_WEBHOOK_SECRET,
  onEvent: (event) => recordWebhook(event),
  onError: (error) => console.error('Flowglad webhook handler failed', error),
})
