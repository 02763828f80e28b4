import type { UsagePolicy } from '../handler/usage-policy.js'

type MaybePromise<T> = T | Promise<T>

/** What `getCustomer` and `onCustomerCreateError` see of the session (upstream's shape). */
export interface InnerSession {
  user: {
    id: string
    name?: string | null
    email?: string | null
    /** The active organisation (organisation mode), else null. */
    organizationId?: string | null
  }
}

/** What Better Auth's `getSessionFromCtx` resolves to. */
export interface BetterAuthSessionResult {
  session: {
    id: string
    userId: string
    activeOrganizationId?: string | null
    [key: string]: unknown
  }
  user: {
    id: string
    name?: string | null
    email?: string | null
    [key: string]: unknown
  }
}

/** Why a session names no customer (upstream's codes). */
export interface FlowgladEndpointError {
  code: string
  message: string
  details?: unknown
}

export interface FlowgladCustomerInfo {
  externalId: string
  name: string
  email: string
}

export interface FlowgladBetterAuthPluginOptions {
  /** Secret key; default `FLOWGLAD_SECRET_KEY`. */
  apiKey?: string
  /** API origin; default `FLOWGLAD_BASE_URL`, else Flowglad's. */
  baseURL?: string
  /**
   * Who the customer is: `user` (default) the signed-in user; `organization` the session's
   * active organisation (Better Auth's organization plugin), for members only.
   */
  customerType?: 'user' | 'organization'
  /** Picks the customer (id, name, email) from the session instead of the defaults. */
  getCustomer?: (session: InnerSession) => MaybePromise<FlowgladCustomerInfo>
  /**
   * Called when creating the customer after sign-up / organisation creation failed; the
   * sign-up itself still succeeds. Default: `console.error`.
   */
  onCustomerCreateError?: (params: {
    hook: 'afterSignUp' | 'afterOrganizationCreate'
    customerType: 'user' | 'organization'
    session: InnerSession
    error: unknown
  }) => MaybePromise<void>
  /** A fetch for the Flowglad API calls (tests, custom agents); default the global `fetch`. */
  fetch?: typeof fetch
  /** Guard for browser-originated usage events, as the route handler's. */
  usagePolicy?: UsagePolicy
  /** Errors that are not refusals (API failures, bugs), as the route handler's `onError`. */
  onError?: (error: unknown) => void
}
