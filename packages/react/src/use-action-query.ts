'use client'
import type { CustomerBillingDetails } from '@flowglad/shared/browser'
import { useCallback, useContext, useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import { FlowgladRequestError } from './billing-client.js'
import { FlowgladContext } from './context.js'
import { type QuerySpec, type QueryState, queryKey, queryStoreOf } from './query-store.js'
import { errorResult } from './results.js'

/** What every data hook reports next to its data. */
export interface QueryStatus {
  /** True until the first answer arrives (a refresh keeps the old data and stays false). */
  isLoading: boolean
  /** The failed load (a `FlowgladRequestError` with `code` and `json`), else null. */
  error: Error | null
}

export interface QueryView<T> extends QueryStatus {
  data: T | undefined
}

const idle: QueryState<never> = { status: 'idle', error: null }
const noop = () => () => {}
const outsideProvider = /* @__PURE__ */ new FlowgladRequestError(
  errorResult('provider_missing', 'Flowglad hooks must be used inside a <FlowgladProvider>').error,
)

/**
 * One keyed query on the provider's billing client: nothing is fetched until a component using
 * it mounts; hooks with the same spec share one request and one cache entry. In dev mode the
 * data comes from `billingMocks` through `dev`, with no request and no loading state.
 */
export function useActionQuery<T>(
  spec: QuerySpec,
  dev: (mocks: CustomerBillingDetails) => T,
): QueryView<T> {
  const context = useContext(FlowgladContext)
  const key = queryKey(spec)
  const latest = useRef(spec)
  latest.current = spec
  const store = context && !context.devMocks ? queryStoreOf(context.client) : undefined
  const subscribe = useCallback(
    (listener: () => void) => (store ? store.subscribe(key, latest.current, listener) : noop()),
    [store, key],
  )
  const getState = useCallback(() => (store ? store.get(key) : idle), [store, key])
  // Idle on the server too: SSR renders the loading state and fetches nothing.
  const state = useSyncExternalStore(subscribe, getState, getState)
  useEffect(() => {
    if (store) void store.load(key, latest.current)
  }, [store, key])
  const mocks = context?.devMocks
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the spec
  const devData = useMemo(() => (mocks ? dev(mocks) : undefined), [mocks, key])
  if (!context) return { data: undefined, isLoading: false, error: outsideProvider }
  if (mocks) return { data: devData, isLoading: false, error: null }
  return {
    data: state.status === 'loaded' ? (state.data as T) : undefined,
    isLoading: state.status === 'idle' || state.status === 'loading',
    error: state.error,
  }
}
