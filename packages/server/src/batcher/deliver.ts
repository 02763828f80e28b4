import type { UsageEvent } from '@flowglad/shared/core'
import type { UsageEventWireInput } from '../client/wire-types.js'
import { asFlowgladError, classifyFailure, retryAfterHintMs } from './classify-error.js'
import { splitUnencodable } from './encoding.js'
import type { QueuedEvent } from './entry.js'
import { receiptsFor } from './receipts.js'
import type { UsageFailure, UsageReceipt } from './types.js'

export type SendBatch = (events: UsageEventWireInput[]) => Promise<UsageEvent[]>

export interface DeliveryOutcome {
  receipts: { entry: QueuedEvent; receipt: UsageReceipt }[]
  failures: { entry: QueuedEvent; failure: UsageFailure }[]
  /** Events to send again later, after a transient failure (with the error that caused it). */
  retry: { entries: QueuedEvent[]; error: unknown; retryAfterMs: number | undefined } | undefined
  /** Set after a 413: the largest batch size known not to be too large. */
  shrinkTo: number | undefined
}

function halves<T>(items: readonly T[]): [T[], T[]] {
  const middle = Math.ceil(items.length / 2)
  return [items.slice(0, middle), items.slice(middle)]
}

/**
 * Sends one batch. An event that cannot be encoded as JSON fails for good on its own, before
 * anything is sent (a local error is never worth a retry). A 413 splits the batch in halves; a
 * rejection (400/404/403/409) bisects it until the bad events stand alone, so the good ones
 * still land. After a transient failure nothing more is sent: the failed part and every part
 * not yet sent come back in `retry`.
 */
export async function deliverBatch(
  entries: readonly QueuedEvent[],
  send: SendBatch,
): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = {
    receipts: [],
    failures: [],
    retry: undefined,
    shrinkTo: undefined,
  }

  const failAll = (part: readonly QueuedEvent[], error: unknown) => {
    const typed = asFlowgladError(error)
    for (const entry of part) {
      const failure = { transactionId: entry.event.transactionId, event: entry.event, error: typed }
      outcome.failures.push({ entry, failure })
    }
  }

  /** Fails the events that cannot be encoded; returns the rest. */
  const encodable = (part: readonly QueuedEvent[]): QueuedEvent[] => {
    const { sendable, unencodable } = splitUnencodable(part)
    for (const { entry, error } of unencodable) failAll([entry], error)
    return sendable
  }

  const deliverPart = async (part: readonly QueuedEvent[]): Promise<void> => {
    if (part.length === 0) return
    if (outcome.retry) {
      outcome.retry.entries.push(...part)
      return
    }
    let rows: UsageEvent[]
    try {
      rows = await send(part.map((entry) => entry.event))
    } catch (error) {
      // Changed while in flight (the caller still holds `properties`): retry without them.
      const sendable = encodable(part)
      if (sendable.length < part.length) {
        await deliverPart(sendable)
        return
      }
      const kind = classifyFailure(error)
      if (kind === 'transient') {
        for (const entry of part) entry.attempts += 1
        outcome.retry = { entries: [...part], error, retryAfterMs: retryAfterHintMs(error) }
        return
      }
      if ((kind === 'too_large' || kind === 'rejected') && part.length > 1) {
        const [first, second] = halves(part)
        if (kind === 'too_large') {
          outcome.shrinkTo = Math.min(outcome.shrinkTo ?? first.length, first.length)
        }
        await deliverPart(first)
        await deliverPart(second)
        return
      }
      failAll(part, error)
      return
    }
    const receipts = receiptsFor(part, rows)
    part.forEach((entry, index) => {
      outcome.receipts.push({ entry, receipt: receipts[index] as UsageReceipt })
    })
  }

  await deliverPart(encodable(entries))
  return outcome
}
