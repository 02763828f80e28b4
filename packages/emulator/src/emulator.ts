import { buildApp } from './app.js'
import { type Clock, createClock } from './clock.js'
import type { EmulatorContext } from './context.js'
import { newId } from './ids.js'
import { applySeed } from './seed/apply.js'
import { demoSeed } from './seed/demo.js'
import { parseSeed, type SeedInput } from './seed/format.js'
import { createState, type State } from './store/state.js'

export interface EmulatorOptions {
  /** The pricing model to load (see the seed format). Default: the demo seed. */
  seed?: SeedInput
  /** The only accepted secret key. Default: any key starting `sk_test_`. */
  secretKey?: string
  /** Initial time (epoch ms or Date). The clock is frozen there; default: follow the wall clock. */
  now?: number | Date
}

export interface Emulator {
  /** A Web-standard handler: any host, routed on the path. */
  fetch(request: Request): Promise<Response>
  clock: Clock
  /** Drops all state and reloads the seed (the clock is left as it is). */
  reset(): void
  /** The live state (tables + indexes). Read it; write through the API. */
  readonly state: State
}

function freshState(seed: ReturnType<typeof parseSeed>, now: number): State {
  const state = createState(newId('org'))
  applySeed(state, seed, now)
  return state
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const seed = parseSeed(options.seed ?? demoSeed)
  const clock = createClock(options.now)
  const ctx: EmulatorContext = {
    state: freshState(seed, clock.now()),
    clock,
    secretKey: options.secretKey,
  }
  const app = buildApp(ctx)
  return {
    fetch: async (request: Request) => app.fetch(request),
    clock,
    reset() {
      ctx.state = freshState(seed, clock.now())
    },
    get state() {
      return ctx.state
    },
  }
}
