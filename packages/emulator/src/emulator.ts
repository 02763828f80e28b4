import { buildApp } from './app.js'
import { keyAccepted } from './auth.js'
import { type Clock, createClock } from './clock.js'
import { clockRangeProblem } from './clock-range.js'
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
import { initialPricing } from './pricing/initial.js'
import type { PricingFileInput } from './pricing/schema.js'
import type { SeedInput } from './seed/format.js'
import { type EmulatorSnapshot, exportSnapshot, importSnapshot } from './store/snapshot.js'
import { readSnapshot, type SnapshotSource, snapshotStream } from './store/snapshot-stream.js'
import { createState, type State } from './store/state.js'
import type { WebhookDeliveryOptions } from './webhooks/deliveries.js'
import { type EmulatorWebhooks, WebhookHub } from './webhooks/hub.js'

export interface EmulatorOptions {
  /** The pricing model to load (see the seed format). Default: the demo seed. */
  seed?: SeedInput
  /**
   * Instead of `seed`: a Flowglad pricing file's data (`pricing.yaml` parsed, or a
   * `/pricing-models/setup` body; either shape). Loaded as the default pricing model.
   */
  pricingModel?: PricingFileInput
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
  /** How webhooks are sent: `fetch` (default global fetch), retry delays, attempt timeout. */
  webhooks?: WebhookDeliveryOptions
}

export interface Emulator {
  /** A Web-standard handler: any host, routed on the path. */
  fetch(request: Request, info?: RequestInfo): Promise<Response>
  /** Moving it past a period end closes that period for every subscription. */
  clock: Clock
  /** Drops all state and reloads the seed (the clock is left as it is). */
  reset(): void
  /** A JSON snapshot of every table, as one object (see the README for its shape). */
  exportState(): EmulatorSnapshot
  /**
   * The same snapshot as UTF-8 JSON text, one row per line, produced as it is read (for files
   * and sockets: it is never held as one string). Shows the state as of this call.
   */
  exportStateStream(): ReadableStream<Uint8Array>
  /** Replaces all state with a snapshot; moves the clock forward to its `now` if behind. */
  importState(snapshot: unknown): void
  /**
   * Like `importState`, from snapshot text read incrementally (what `exportStateStream` or
   * `GET /_emulator/state` wrote; any other layout of the same JSON is parsed whole). The
   * state is replaced only once the whole snapshot has been read and checked.
   */
  importStateStream(source: SnapshotSource): Promise<void>
  /** Completes a checkout session as if the buyer paid (what the checkout page does). */
  completeCheckoutSession(id: string): CheckoutResult
  /** Webhook endpoints, their deliveries and attempts (see the README's Webhooks section). */
  webhooks: EmulatorWebhooks
  /** The live state (tables + indexes). Read it; write through the API. */
  readonly state: State
}

function freshState(loadPricing: (state: State, now: number) => void, now: number): State {
  const state = createState(newId('org'))
  loadPricing(state, now)
  return state
}

/** Refuses a clock move to an instant outside `CLOCK_RANGE` (the clock is left unchanged). */
function checkInstant(ms: number, what: string): void {
  const problem = clockRangeProblem(ms)
  if (problem) throw new RangeError(`${what}: ${problem}`)
}

/** Wraps a clock so that moving it closes every billing period it passes. */
function billingClock(base: Clock, onMove: (now: number) => void): Clock {
  return {
    now: () => base.now(),
    advance(ms: number) {
      if (!Number.isFinite(ms)) throw new RangeError(`advance(ms) needs a finite number, got ${ms}`)
      checkInstant(base.now() + ms, `advance(${ms})`)
      const now = base.advance(ms)
      onMove(now)
      return now
    },
    set(epochMs: number) {
      if (!Number.isFinite(epochMs)) throw new RangeError(`set(epochMs) needs a finite number`)
      checkInstant(epochMs, `set(${epochMs})`)
      const now = base.set(epochMs)
      onMove(now)
      return now
    },
  }
}

const API_PREFIX = /^\/api\/v1\//

/** Per emulator, what stops its background work (internal: not exported by the package). */
const backgroundStops = new WeakMap<Emulator, () => void>()

/**
 * Cancels every timer the emulator owns (webhook attempts and retries waiting to run) and
 * stops delivering webhooks, for good. The Node server's `close()` calls it.
 */
export function stopBackgroundWork(emulator: Emulator): void {
  backgroundStops.get(emulator)?.()
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const loadPricing = initialPricing(options)
  if (options.now !== undefined) checkInstant(Number(options.now), 'now')
  const baseClock = createClock(options.now)
  const ctx: EmulatorContext = {
    state: freshState(loadPricing, baseClock.now()),
    clock: billingClock(baseClock, (now) => closeDuePeriods(ctx.state, now)),
    secretKey: options.secretKey,
    webhooks: new WebhookHub(
      () => ctx.state,
      () => baseClock.now(),
      options.webhooks,
    ),
    reset() {
      ctx.state = freshState(loadPricing, baseClock.now())
      ctx.webhooks.watch(ctx.state)
    },
    exportState: () => exportSnapshot(ctx.state, baseClock.now()),
    exportStateStream: () => snapshotStream(ctx.state, baseClock.now()),
    importState: (snapshot: unknown) => replaceState(importSnapshot(snapshot)),
    importStateStream: async (source: SnapshotSource) => replaceState(await readSnapshot(source)),
  }
  ctx.webhooks.watch(ctx.state)
  function replaceState({ state, now }: { state: State; now: number }) {
    ctx.state = state
    ctx.webhooks.watch(ctx.state)
    if (now > baseClock.now()) baseClock.set(now)
    closeDuePeriods(ctx.state, baseClock.now())
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

  const emulator: Emulator = {
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
    webhooks: ctx.webhooks,
    reset: () => ctx.reset(),
    exportState: () => ctx.exportState(),
    exportStateStream: () => ctx.exportStateStream(),
    importState: (snapshot: unknown) => ctx.importState(snapshot),
    importStateStream: (source: SnapshotSource) => ctx.importStateStream(source),
    completeCheckoutSession(id: string) {
      const now = ctx.clock.now()
      closeDuePeriods(ctx.state, now)
      return completeCheckoutSession(ctx.state, id, now)
    },
    get state() {
      return ctx.state
    },
  }
  backgroundStops.set(emulator, () => ctx.webhooks.stop())
  return emulator
}
