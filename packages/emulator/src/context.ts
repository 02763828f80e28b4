import type { Clock } from './clock.js'
import type { EmulatorSnapshot } from './store/snapshot.js'
import type { SnapshotSource } from './store/snapshot-stream.js'
import type { State } from './store/state.js'
import type { WebhookHub } from './webhooks/hub.js'

/** What every route reads at request time (state is swapped wholesale by `reset()`). */
export interface EmulatorContext {
  state: State
  clock: Clock
  /** When set, only this key is accepted; otherwise any key starting `sk_test_`. */
  secretKey: string | undefined
  /** Webhook endpoints and deliveries (kept apart from `state`: reset and import keep them). */
  webhooks: WebhookHub
  reset(): void
  exportState(): EmulatorSnapshot
  exportStateStream(): ReadableStream<Uint8Array>
  importState(snapshot: unknown): void
  importStateStream(source: SnapshotSource): Promise<void>
}

/** Per-request facts only the transport knows (the Node server fills them in). */
export interface RequestInfo {
  /** The peer's IP address, when the request came over a socket. */
  remoteAddress?: string
}
