import type { CustomerBillingDetails } from '@flowglad/shared/browser'
import type { ReactNode } from 'react'
import { FlowgladProvider } from '../src/provider.js'

type Fetch = (input: string, init: RequestInit) => Promise<Response>

/** A live provider whose requests go to `fetch`, as `renderHook`'s wrapper. */
export function liveWrapper(fetch: Fetch) {
  return ({ children }: { children: ReactNode }) => (
    <FlowgladProvider requestConfig={{ fetch }}>{children}</FlowgladProvider>
  )
}

/** A dev-mode provider answering from `billingMocks`. */
export function devWrapper(billingMocks: CustomerBillingDetails) {
  return ({ children }: { children: ReactNode }) => (
    <FlowgladProvider __devMode billingMocks={billingMocks}>
      {children}
    </FlowgladProvider>
  )
}
