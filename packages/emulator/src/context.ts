import type { Clock } from './clock.js'
import type { State } from './store/state.js'

/** What every route reads at request time (state is swapped wholesale by `reset()`). */
export interface EmulatorContext {
  state: State
  clock: Clock
  /** When set, only this key is accepted; otherwise any key starting `sk_test_`. */
  secretKey: string | undefined
}
