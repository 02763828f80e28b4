'use client'
import { useContext, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { BillingState } from './billing-client.js'
import { FlowgladContext } from './context.js'
import {
  billingDisabled,
  type FlowgladContextValues,
  outsideProviderValues,
  toContextValues,
} from './context-values.js'

const idle: BillingState = { status: 'idle' }
const getIdle = () => idle
const subscribeNowhere = () => () => {}

/** Billing data, checks and actions of the nearest `FlowgladProvider`. */
export function useBilling(): FlowgladContextValues {
  const context = useContext(FlowgladContext)
  const subscribe = context ? context.client.subscribe : subscribeNowhere
  const getState = context ? context.client.getState : getIdle
  // The server snapshot is the same store: idle on the server, so SSR renders "pending".
  const state = useSyncExternalStore(subscribe, getState, getState)
  // Without a `loadBilling` prop (0.17+) the first consumer to mount loads (later ones share it);
  // with `true` (or a `true` still waiting to commit) this starts it no later than the provider.
  useEffect(() => {
    if (context && !billingDisabled(context.client.getState(), context.loadBilling)) {
      void context.client.load()
    }
  }, [context])
  return useMemo(
    () =>
      context
        ? toContextValues(state, context.loadBilling, context.actions)
        : outsideProviderValues,
    [context, state],
  )
}
