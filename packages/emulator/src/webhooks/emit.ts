import type { State } from '../store/state.js'
import type { ChangedObject, WebhookEventType } from './event-types.js'

/** Receives every state change worth a webhook, at emulator time `at` (epoch ms). */
export type WebhookSink = (
  state: State,
  type: WebhookEventType,
  changed: ChangedObject,
  at: number,
) => void

// Keyed by the state object, so the domain functions need no extra argument and a state that
// no emulator delivers for (seeding, snapshots being imported) emits nothing.
const sinks = new WeakMap<State, WebhookSink>()

/** Routes the webhook events of `state` to `sink` (the emulator does this for its live state). */
export function attachWebhookSink(state: State, sink: WebhookSink): void {
  sinks.set(state, sink)
}

/** Called by the domain functions where state changes; a no-op when nobody listens. */
export function emitWebhookEvent(
  state: State,
  type: WebhookEventType,
  changed: ChangedObject,
  at: number,
): void {
  sinks.get(state)?.(state, type, changed, at)
}
