'use client'
import type { CustomerBillingDetails } from '@flowglad/shared/browser'
import { createContext } from 'react'
import type { BillingActions } from './billing-actions.js'
import type { BillingClient } from './billing-client.js'

export interface FlowgladContextState {
  client: BillingClient
  actions: BillingActions
  /** The provider's prop; `undefined` (0.17+ apps): load on the first `useBilling` mount. */
  loadBilling: boolean | undefined
  /** Dev mode's `billingMocks`: the hooks answer from them, synchronously. */
  devMocks?: CustomerBillingDetails
}

/** Holds the provider's billing client; `null` outside a `FlowgladProvider`. */
export const FlowgladContext = createContext<FlowgladContextState | null>(null)
