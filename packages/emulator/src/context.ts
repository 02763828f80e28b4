import type { Clock } from './clock.js'
import type { EmulatorSnapshot } from './store/snapshot.js'
import type { State } from './store/state.js'

/** What every route reads at request time (state is swapped wholesale by `reset()`). */
export interface EmulatorContext {
  state: State
  clock: Clock
  /** When set, only this key is accepted; otherwise any key starting `sk_test_`. */
  secretKey: string | undefined
  reset(): void
  exportState(): EmulatorSnapshot
  importState(snapshot: unknown): void
}

/** Per-request facts only the transport knows (the Node server fills them in). */
export interface RequestInfo {
  /** The peer's IP address, when the request came over a socket. */
  remoteAddress?: string
}
