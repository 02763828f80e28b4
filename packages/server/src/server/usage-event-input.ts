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

/**
 * Date → epoch ms before the strict schema sees the event. A `null` usageDate or properties
 * passes the schema (both are nullish) and `toWire` drops it.
 */
function loosenedToPlain(input: unknown): unknown {
  const usageDate = (input as { usageDate?: unknown } | null)?.usageDate
  return usageDate instanceof Date
    ? { ...(input as object), usageDate: usageDate.getTime() }
    : input
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
  const usageEvents = (input as { usageEvents?: unknown } | null)?.usageEvents
  const plain = Array.isArray(usageEvents) ? usageEvents.map(loosenedToPlain) : usageEvents
  const parsed = parseOrThrow(
    bulkCreateUsageEventsSchema,
    { ...(typeof input === 'object' ? input : {}), usageEvents: plain },
    'Invalid usage events',
  )
  return parsed.usageEvents.map(toWire)
}
