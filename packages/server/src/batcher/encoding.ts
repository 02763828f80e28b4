import { FlowgladError, validateUsageProperties } from '@flowglad/shared/core'
import type { QueuedEvent } from './entry.js'

/**
 * Why this event cannot be sent as JSON, or undefined. `track` validated it, but the caller
 * may still hold (and change) the objects inside `properties`, so it is checked again before
 * each send. A throwing getter or a proxy is caught too: nothing here may throw.
 */
export function encodingFailure(entry: QueuedEvent): FlowgladError | undefined {
  const { properties, transactionId } = entry.event
  if (properties === undefined) return undefined
  let problem: string | undefined
  try {
    problem = validateUsageProperties(properties)?.message
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }
  if (problem === undefined) return undefined
  return new FlowgladError(
    'validation_error',
    `usage event ${transactionId} cannot be encoded, so it will not be sent: ${problem}`,
  )
}

/** Splits a batch into the events that can be encoded and the failures of those that cannot. */
export function splitUnencodable(entries: readonly QueuedEvent[]): {
  sendable: QueuedEvent[]
  unencodable: { entry: QueuedEvent; error: FlowgladError }[]
} {
  const sendable: QueuedEvent[] = []
  const unencodable: { entry: QueuedEvent; error: FlowgladError }[] = []
  for (const entry of entries) {
    const error = encodingFailure(entry)
    if (error) unencodable.push({ entry, error })
    else sendable.push(entry)
  }
  return { sendable, unencodable }
}
