import {
  createContext,
  type ReactNode,
  StrictMode,
  Suspense,
  startTransition,
  use,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
} from 'react'
import { FlowgladProvider } from '../src/provider.js'
import { useBilling } from '../src/use-billing.js'

/** What one render of the billing consumer saw. */
export interface RenderRecord {
  /** The provider's `loadBilling` prop in this render pass. */
  loadBilling: boolean
  /** Whether the provider has rendered with `loadBilling={true}` (in this or an earlier pass). */
  requestedBefore: boolean
  loaded: boolean
  subscriptions: number
}

/** A tiny external store (a router location, an auth client): readers re-render urgently. */
export function createStore<T>(initial: T) {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set(next: T) {
      value = next
      for (const listener of listeners) listener()
    },
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

export interface SessionAppControls {
  /** The auth client's session; the server never has it. */
  session: ReturnType<typeof createStore<boolean>>
  /** `store`: the app reads the session store directly; `transition`: copies it into state in a transition. */
  sessionVia: 'store' | 'transition'
  records: RenderRecord[]
  requested: boolean
  /** Routes rendered for a signed-in user suspend on this until it resolves. */
  routeData: Promise<string>
  ticks: ReturnType<typeof createStore<number>>
  fetch: (input: string, init: RequestInit) => Promise<Response>
}

const Session = createContext(false)

/**
 * A TanStack-Start-like app: the server renders without a session, the client learns it after
 * hydration and passes `loadBilling={!!session}`. The gate stands for a component that sends
 * users to /pricing when `billing.loaded && !billing.currentSubscriptions.length`: it records
 * what each of its renders saw.
 */
export function SessionApp({ controls }: { controls: SessionAppControls }) {
  const { session } = controls
  const fromStore = useSyncExternalStore(session.subscribe, session.get, () => false)
  const [fromTransition, setFromTransition] = useState(false)
  useEffect(() => {
    const copy = () => startTransition(() => setFromTransition(session.get()))
    copy()
    return session.subscribe(copy)
  }, [session])
  const signedIn = controls.sessionVia === 'store' ? fromStore : fromTransition
  return (
    <StrictMode>
      <Session value={signedIn}>
        <FlowgladProvider loadBilling={signedIn} requestConfig={{ fetch: controls.fetch }}>
          <NoteRequested controls={controls} />
          <PricingGate controls={controls} />
          {/* Already showing content, so a transition that suspends here is held back. */}
          <Suspense fallback={<p>loading route</p>}>
            {signedIn ? <Route data={controls.routeData} /> : <p>public</p>}
          </Suspense>
        </FlowgladProvider>
      </Session>
    </StrictMode>
  )
}

/** The provider's first child: it renders right after the provider saw this `loadBilling`. */
function NoteRequested({ controls }: { controls: SessionAppControls }) {
  if (useContext(Session)) controls.requested = true
  return null
}

function Route({ data }: { data: Promise<string> }): ReactNode {
  return <p>{use(data)}</p>
}

function PricingGate({ controls }: { controls: SessionAppControls }) {
  const loadBilling = useContext(Session)
  // Re-renders on every tick, without the provider re-rendering (like a router subscription).
  useSyncExternalStore(controls.ticks.subscribe, controls.ticks.get, controls.ticks.get)
  const billing = useBilling()
  controls.records.push({
    loadBilling,
    requestedBefore: controls.requested,
    loaded: billing.loaded,
    subscriptions: billing.currentSubscriptions.length,
  })
  return <p>{billing.loaded ? `subscriptions: ${billing.currentSubscriptions.length}` : '…'}</p>
}
