// @vitest-environment happy-dom
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { billingFixture } from '../test/billing-fixture.js'
import { envelope } from '../test/route-fetch.js'
import {
  createStore,
  type RenderRecord,
  SessionApp,
  type SessionAppControls,
} from '../test/session-app.js'

// No act(): React's own scheduler runs, so renders are time-sliced, interrupted and suspended
// as in a browser. Each iteration draws its timings from a seed, so a failure can be replayed.
const macrotask = () => new Promise<void>((done) => setTimeout(done, 0))

function seeded(seed: number) {
  let state = seed >>> 0
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state % n
  }
}

/** Server-renders without a session, hydrates, then delivers the session at a drawn moment. */
async function reloadPage(seed: number) {
  const pick = seeded(seed)
  let releaseRoute!: (value: string) => void
  const ticks = createStore(0)
  const session = createStore(false)
  const controls: SessionAppControls = {
    session,
    sessionVia: pick(2) === 0 ? 'store' : 'transition',
    records: [],
    requested: false,
    routeData: new Promise((done) => {
      releaseRoute = done
    }),
    ticks,
    fetch: async () => {
      for (let wait = pick(4); wait > 0; wait--) await macrotask()
      return envelope(billingFixture())
    },
  }
  const container = document.createElement('div')
  container.innerHTML = renderToString(<SessionApp controls={controls} />)
  document.body.append(container)
  controls.records.length = 0
  const hydrationErrors: unknown[] = []
  // -1: the session is there before hydration starts; 0: right after hydrateRoot; later: after.
  const sessionAt = pick(4) - 1
  if (sessionAt < 0) session.set(true)
  const root = hydrateRoot(container, <SessionApp controls={controls} />, {
    onRecoverableError: (error) => hydrationErrors.push(error),
  })
  for (let wait = 0; wait < sessionAt; wait++) await macrotask()
  session.set(true)
  // The signed-in route suspends until its data arrives; meanwhile the router ticks urgently.
  const routeAt = pick(6)
  for (let step = 0; step < 60; step++) {
    if (pick(2) === 0) ticks.set(ticks.get() + 1)
    if (step === routeAt) releaseRoute('dashboard')
    await macrotask()
    const last = controls.records.at(-1)
    if (step > routeAt && last?.loadBilling && last.loaded) break
  }
  root.unmount()
  container.remove()
  return { records: controls.records, hydrationErrors }
}

/** The gate would send this paying customer to /pricing. */
const isWrong = (render: RenderRecord) =>
  render.requestedBefore && render.loaded && render.subscriptions === 0

describe('loadBilling flips during hydration (StrictMode, transitions, urgent updates)', () => {
  it('after the provider saw loadBilling={true}, no render is loaded without the subscription (200 reloads)', async () => {
    let wrongReloads = 0
    let reloadsWithStaleFalse = 0
    for (let seed = 1; seed <= 200; seed++) {
      const { records, hydrationErrors } = await reloadPage(seed)
      expect(hydrationErrors, `seed ${seed}`).toEqual([])
      expect(records.at(-1), `seed ${seed}`).toMatchObject({ loaded: true, subscriptions: 1 })
      if (records.some(isWrong)) wrongReloads++
      // The case that matters: React rendered the gate with the older `false` after the
      // provider had already rendered `true`.
      if (records.some((render) => render.requestedBefore && !render.loadBilling)) {
        reloadsWithStaleFalse++
      }
    }
    expect(reloadsWithStaleFalse).toBeGreaterThan(0)
    expect(wrongReloads).toBe(0)
  }, 120_000)
})
