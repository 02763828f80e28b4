import type { UsageEventWireInput } from '../client/wire-types.js'

/** One tracked event inside the batcher. */
export interface QueuedEvent {
  /** Tracking order: a flush covers every event with `seq` up to the one current at its call. */
  readonly seq: number
  readonly event: UsageEventWireInput
  /** Requests that failed transiently with this event in them. */
  attempts: number
  /** Set once the event is delivered or failed for good; later outcomes are ignored. */
  settled: boolean
}
