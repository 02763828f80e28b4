import type { UsageEventInput } from '../server/usage-event-input.js'
import type { SendBatch } from './deliver.js'
import { OwnershipGate } from './ownership.js'
import type { UsageBatcherClient } from './types.js'

/**
 * One bulk request per batch through `client`, with the client's own retries off: the caller
 * (batcher or outbox relay) does the retrying, with the same transactionIds.
 */
export function bulkSender(client: UsageBatcherClient, signal: AbortSignal): SendBatch {
  return async (usageEvents) => {
    // Already validated by the strict schema when tracked, so they fit the client's input type.
    const response = await client.bulkCreateUsageEvents(
      { usageEvents: usageEvents as unknown as UsageEventInput[] },
      { maxRetries: 0, chunkSize: usageEvents.length, signal },
    )
    return response?.usageEvents ?? []
  }
}

/** A customer-scoped client (`FlowgladServer`) gets its events' subscriptions checked first. */
export function ownershipGateFor(client: UsageBatcherClient): OwnershipGate | undefined {
  const assert = client.assertOwnsSubscription
  if (typeof assert !== 'function') return undefined
  return new OwnershipGate((id) => assert.call(client, id))
}
