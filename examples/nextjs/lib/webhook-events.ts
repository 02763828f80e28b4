import type { FlowgladWebhookEvent } from '@flowglad/nextjs/server'

/** What the dev panel shows of one received webhook. */
export interface ReceivedWebhook {
  eventId: string
  type: FlowgladWebhookEvent['type']
  objectId: string
  customerExternalId: string | null
  receivedAt: string
}

const KEEP = 20
// On globalThis: the webhook route and the server actions are separate bundles in Next, and
// module state is not shared between them.
const store = globalThis as typeof globalThis & { __flowgladWebhooks?: ReceivedWebhook[] }

/** Records a verified event (newest first, the last 20, one entry per eventId). */
export function recordWebhook(event: FlowgladWebhookEvent): void {
  const received = store.__flowgladWebhooks ?? []
  if (received.some((entry) => entry.eventId === event.eventId)) return
  const customer = 'customer' in event.data ? event.data.customer : undefined
  received.unshift({
    eventId: event.eventId,
    type: event.type,
    objectId: event.data.id,
    customerExternalId: customer?.externalId ?? null,
    receivedAt: new Date().toISOString(),
  })
  store.__flowgladWebhooks = received.slice(0, KEEP)
}

/** The recorded events of one customer. */
export function webhooksOf(externalId: string): ReceivedWebhook[] {
  return (store.__flowgladWebhooks ?? []).filter((entry) => entry.customerExternalId === externalId)
}
