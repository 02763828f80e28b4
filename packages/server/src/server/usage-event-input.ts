import {
  bulkCreateUsageEventsSchema,
  type CreateUsageEventParams,
  createUsageEventSchema,
  parseOrThrow,
} from '@flowglad/shared/core'
import type { UsageEventWireInput } from '../client/wire-types.js'

type Loosened<T> = T extends unknown
  ? Omit<T, 'usageDate' | 'properties'> & {
      /** Epoch milliseconds or a `Date`; `null` is treated as absent. */
      usageDate?: number | Date | null | undefined
      /** `null` is treated as absent. */
      properties?: Record<string, unknown> | null | undefined
    }
  : never

/** What `createUsageEvent` accepts: the strict shared shape, plus a `Date` for `usageDate`. */
export type UsageEventInput = Loosened<CreateUsageEventParams>

/** Date → epoch ms and `null` → absent, before the strict schema sees the event. */
function loosenedToPlain(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input
  const event: Record<string, unknown> = { ...input }
  if (event.usageDate instanceof Date) event.usageDate = event.usageDate.getTime()
  if (event.usageDate === null) delete event.usageDate
  if (event.properties === null) delete event.properties
  return event
}

function toWire(event: Record<string, unknown>): UsageEventWireInput {
  const wire: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(event)) {
    if (value !== undefined && value !== null) wire[key] = value
  }
  return wire as unknown as UsageEventWireInput
}

/** Validates one event with the strict shared schema; throws `validation_error`. */
export function parseUsageEvent(input: unknown): UsageEventWireInput {
  return toWire(parseOrThrow(createUsageEventSchema, loosenedToPlain(input), 'Invalid usage event'))
}

/** Validates a bulk request (issue paths carry the failing index); throws `validation_error`. */
export function parseUsageEvents(input: unknown): UsageEventWireInput[] {
  const usageEvents =
    typeof input === 'object' && input !== null
      ? (input as { usageEvents?: unknown }).usageEvents
      : undefined
  const plain = Array.isArray(usageEvents) ? usageEvents.map(loosenedToPlain) : usageEvents
  const parsed = parseOrThrow(
    bulkCreateUsageEventsSchema,
    { ...(typeof input === 'object' ? input : {}), usageEvents: plain },
    'Invalid usage events',
  )
  return parsed.usageEvents.map(toWire)
}

/** Splits a list in order into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size))
  }
  return chunks
}
