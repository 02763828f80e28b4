'use client'
import type { CustomerBillingDetails } from '@flowglad/shared/browser'
import { type ReactNode, useEffect, useMemo, useRef } from 'react'
import { createBillingActions } from './billing-actions.js'
import { createBillingClient } from './billing-client.js'
import { FlowgladContext } from './context.js'
import { billingDisabled } from './context-values.js'
import { createDevFetch } from './dev-fetch.js'

export interface FlowgladRequestConfig {
  /** Extra headers on every request (e.g. an auth token in React Native). */
  headers?: HeadersInit
  /** Replaces the global `fetch`. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>
  /** Accepted for upstream compatibility; use the provider's `baseURL`. */
  baseURL?: string
}

export interface FlowgladProviderLiveProps {
  children?: ReactNode
  /** Absolute (`https://app.example`) or `/`-relative; default: same origin. */
  baseURL?: string
  /**
   * Better Auth's base path (e.g. `/api/auth`) when `flowgladPlugin` serves the routes: calls go
   * to `<betterAuthBasePath>/flowglad/<action>` instead of `<baseURL>/api/flowglad/<action>`.
   */
  betterAuthBasePath?: string
  requestConfig?: FlowgladRequestConfig
  /**
   * For 0.16 apps. Omitted (as in 0.17+): billing loads when the first `useBilling` mounts.
   * `true`: loads on mount; `false`: no data loads, actions still work. Once it has been `true`,
   * billing stays requested for this provider (a later `false` does not unload it).
   */
  loadBilling?: boolean
  __devMode?: false
}

export interface FlowgladProviderDevProps {
  children?: ReactNode
  /** No network: billing comes from `billingMocks`, actions answer with mock results. */
  __devMode: true
  billingMocks: CustomerBillingDetails
}

export type FlowgladProviderProps = FlowgladProviderLiveProps | FlowgladProviderDevProps

export function FlowgladProvider(props: FlowgladProviderProps) {
  // Headers and fetch are read per request, so inline objects do not recreate the client.
  const latest = useRef(props)
  latest.current = props
  const mocks = props.__devMode ? props.billingMocks : undefined
  const baseURL = props.__devMode ? undefined : props.baseURL
  const betterAuthBasePath = props.__devMode ? undefined : props.betterAuthBasePath
  const loadBilling = props.__devMode ? true : props.loadBilling

  const client = useMemo(() => {
    if (mocks) return createBillingClient({ fetch: createDevFetch(mocks), initialBilling: mocks })
    const config = () => (latest.current.__devMode ? undefined : latest.current.requestConfig)
    return createBillingClient({
      baseURL,
      betterAuthBasePath,
      headers: () => config()?.headers,
      fetch: (input, init) => (config()?.fetch ?? fetch)(input, init),
    })
  }, [baseURL, betterAuthBasePath, mocks])

  // Asked for during render, not only after commit: React may render (and commit) other parts
  // of the tree with the previous `false` before this render commits, e.g. while a transition
  // that delivered the session is suspended. Those renders must read "pending", not "disabled".
  if (loadBilling) client.request()
  useEffect(() => {
    if (loadBilling) void client.load()
  }, [client, loadBilling])

  const value = useMemo(() => {
    const actions = createBillingActions(client)
    // As 0.16: while billing is disabled, reload() does not load it either.
    const reload = () =>
      billingDisabled(client.getState(), loadBilling) ? Promise.resolve() : client.reload()
    return { client, actions: { ...actions, reload }, loadBilling, devMocks: mocks }
  }, [client, loadBilling, mocks])
  return <FlowgladContext.Provider value={value}>{props.children}</FlowgladContext.Provider>
}
