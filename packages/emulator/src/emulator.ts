import { buildApp } from './app.js'
import { keyAccepted } from './auth.js'
import { type Clock, createClock } from './clock.js'
import type { EmulatorContext, RequestInfo } from './context.js'
import { type CheckoutResult, completeCheckoutSession } from './domain/checkout.js'
import { closeDuePeriods } from './domain/subscriptions.js'
import {
  FAULT_MODES,
  type FaultMode,
  faultOutcome,
  isFaultMode,
  jsonError,
  randomFaults,
} from './faults.js'
import { newId } from './ids.js'
import { applySeed } from './seed/apply.js'
import { demoSeed } from './seed/demo.js'
import { parseSeed, type SeedInput } from './seed/format.js'
import { type EmulatorSnapshot, exportSnapshot, importSnapshot } from './store/snapshot.js'
import { createState, type State } from './store/state.js'

export interface EmulatorOptions {
  /** The pricing model to load (see the seed format). Default: the demo seed. */
  seed?: SeedInput
  /** The only accepted secret key. Default: any key starting `sk_test_`. */
  secretKey?: string
  /** Initial time (epoch ms or Date). The clock is frozen there; default: follow the wall clock. */
  now?: number | Date
  /** Share (0..1) of authenticated API requests that fail at random. Default 0. */
  faultRate?: number
  /** Seed of the random fault sequence (same seed, same requests → same faults). Default 1. */
  faultSeed?: number
  /** Modes drawn by random faults. Default: all but `timeout`. */
  faultModes?: readonly FaultMode[]
}

export interface Emulator {
  /** A Web-standard handler: any host, routed on the path. */
  fetch(request: Request, info?: RequestInfo): Promise<Response>
  /** Moving it past a period end closes that period for every subscription. */
  clock: Clock
  /** Drops all state and reloads the seed (the clock is left as it is). */
  reset(): void
  /** A JSON snapshot of every table (see the README for its shape). */
  exportState(): EmulatorSnapshot
  /** Replaces all state with a snapshot; moves the clock forward to its `now` if behind. */
  importState(snapshot: unknown): void
  /** Completes a checkout session as if the buyer paid (what the checkout page does). */
  completeCheckoutSession(id: string): CheckoutResult
  /** The live state (tables + indexes). Read it; write through the API. */
  readonly state: State
}

function freshState(seed: ReturnType<typeof parseSeed>, now: number): State {
  const state = createState(newId('org'))
  applySeed(state, seed, now)
  return state
}

/** Wraps a clock so that moving it closes every billing period it passes. */
function billingClock(base: Clock, onMove: (now: number) => void): Clock {
  return {
    now: () => base.now(),
    advance(ms: number) {
      if (!Number.isFinite(ms)) throw new RangeError(`advance(ms) needs a finite number, got ${ms}`)
      const now = base.advance(ms)
      onMove(now)
      return now
    },
    set(epochMs: number) {
      if (!Number.isFinite(epochMs)) throw new RangeError(`set(epochMs) needs a finite number`)
      const now = base.set(epochMs)
      onMove(now)
      return now
    },
  }
}

const API_PREFIX = /^\/api\/v1\//

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const seed = parseSeed(options.seed ?? demoSeed)
  const baseClock = createClock(options.now)
  const ctx: EmulatorContext = {
    state: freshState(seed, baseClock.now()),
    clock: billingClock(baseClock, (now) => closeDuePeriods(ctx.state, now)),
    secretKey: options.secretKey,
    reset() {
      ctx.state = freshState(seed, baseClock.now())
    },
    exportState: () => exportSnapshot(ctx.state, baseClock.now()),
    importState(snapshot: unknown) {
      const { state, now } = importSnapshot(snapshot)
      ctx.state = state
      if (now > baseClock.now()) baseClock.set(now)
      closeDuePeriods(ctx.state, baseClock.now())
    },
  }
  const nextRandomFault =
    options.faultRate !== undefined
      ? randomFaults({
          rate: options.faultRate,
          seed: options.faultSeed ?? 1,
          modes: options.faultModes,
        })
      : undefined
  const app = buildApp(ctx)

  /** The fault for this request, if any: only authenticated `/api/v1/*` calls are faulted. */
  function pickFault(request: Request): FaultMode | Response | undefined {
    if (!API_PREFIX.test(new URL(request.url).pathname)) return undefined
    if (!keyAccepted(ctx, request.headers.get('authorization') ?? undefined)) return undefined
    const asked = request.headers.get('x-emulator-fault')
    if (asked !== null) {
      const mode = asked.trim().toLowerCase()
      if (isFaultMode(mode)) return mode
      return jsonError(
        400,
        'BAD_REQUEST',
        `Invalid X-Emulator-Fault: ${JSON.stringify(asked)} (one of ${FAULT_MODES.join(', ')})`,
      )
    }
    return nextRandomFault?.()
  }

  return {
    async fetch(request: Request, info: RequestInfo = {}) {
      const fault = pickFault(request)
      if (fault instanceof Response) return fault
      if (fault !== undefined) {
        // Read the body like a real server would; an unread body can stall some clients.
        await request.arrayBuffer().catch(() => undefined)
        return faultOutcome(fault, request)
      }
      return app.fetch(request, info)
    },
    clock: ctx.clock,
    reset: () => ctx.reset(),
    exportState: () => ctx.exportState(),
    importState: (snapshot: unknown) => ctx.importState(snapshot),
    completeCheckoutSession(id: string) {
      const now = ctx.clock.now()
      closeDuePeriods(ctx.state, now)
      return completeCheckoutSession(ctx.state, id, now)
    },
    get state() {
      return ctx.state
    },
  }
}
