'use client'
import { useContext, useMemo, useSyncExternalStore } from 'react'
import type { BillingState } from './billing-client.js'
import { FlowgladContext } from './context.js'
import {
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
  return useMemo(
    () =>
      context
        ? toContextValues(state, context.loadBilling, context.actions)
        : outsideProviderValues,
    [context, state],
  )
}
