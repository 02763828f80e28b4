'use client'
import { createContext } from 'react'
import type { BillingActions } from './billing-actions.js'
import type { BillingClient } from './billing-client.js'

export interface FlowgladContextState {
  client: BillingClient
  actions: BillingActions
  loadBilling: boolean
}

/** Holds the provider's billing client; `null` outside a `FlowgladProvider`. */
export const FlowgladContext = createContext<FlowgladContextState | null>(null)
