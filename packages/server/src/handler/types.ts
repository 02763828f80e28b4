import type {
  AdjustSubscriptionResponse,
  BillingWithChecks,
  CancelSubscriptionParams,
  CheckoutSession,
  ClaimResourceResponse,
  CreateActivateSubscriptionCheckoutSessionParams,
  CreateAddPaymentMethodCheckoutSessionParams,
  CreateProductCheckoutSessionParams,
  CreateUsageEventParams,
  Customer,
  FlowgladActionInput,
  FlowgladActionKey,
  FlowgladActionParams,
  GetResourcesParams,
  GetResourcesResponse,
  GetResourceUsageResponse,
  HybridActionKey,
  ListResourceClaimsParams,
  ListResourceClaimsResponse,
  PricingModel,
  ReleaseResourceResponse,
  Subscription,
  UncancelSubscriptionParams,
  UsageEvent,
  UsageMeterBalance,
} from '@flowglad/shared/core'
import type { UsagePolicy } from './usage-policy.js'

/**
 * A usage event after the route handler filled in its defaults, as sent to the server SDK:
 * amount, subscriptionId and transactionId set, exactly one identifier (the schema checked it).
 */
export type ResolvedUsageEvent = CreateUsageEventParams

export interface CheckoutSessionResult {
  checkoutSession: CheckoutSession
  url: string
}

/**
 * Exactly the `FlowgladServer` methods the handlers use. Written as an interface so the
 * handlers can be tested with small fakes; the real `FlowgladServer` satisfies it.
 */
export interface FlowgladServerLike {
  getBilling(): Promise<BillingWithChecks>
  findOrCreateCustomer(): Promise<Customer>
  updateCustomer(params: {
    customer: FlowgladActionInput<'customers/update'>['customer']
  }): Promise<{ customer: Customer }>
  createCheckoutSession(params: CreateProductCheckoutSessionParams): Promise<CheckoutSessionResult>
  createAddPaymentMethodCheckoutSession(
    params: CreateAddPaymentMethodCheckoutSessionParams,
  ): Promise<CheckoutSessionResult>
  createActivateSubscriptionCheckoutSession(
    params: CreateActivateSubscriptionCheckoutSessionParams,
  ): Promise<CheckoutSessionResult>
  cancelSubscription(params: CancelSubscriptionParams): Promise<{ subscription: Subscription }>
  uncancelSubscription(params: UncancelSubscriptionParams): Promise<{ subscription: Subscription }>
  createSubscription(
    params: FlowgladActionInput<'subscriptions/create'>,
  ): Promise<{ subscription: Subscription }>
  adjustSubscription(
    params: FlowgladActionParams<'subscriptions/adjust'>,
  ): Promise<AdjustSubscriptionResponse>
  createUsageEvent(params: ResolvedUsageEvent): Promise<{ usageEvent: UsageEvent }>
  getUsageMeterBalances(params: {
    subscriptionId?: string | undefined
  }): Promise<{ usageMeterBalances: UsageMeterBalance[] }>
  getOwnedSubscriptions(): Promise<{
    currentSubscriptionId: string | null
    currentSubscriptionIds: readonly string[]
  }>
  assertOwnsSubscription(subscriptionId: string): Promise<void>
  getResourceUsages(params: GetResourcesParams): Promise<GetResourcesResponse>
  getResourceUsage(
    params: FlowgladActionParams<'resources/usages/retrieve'>,
  ): Promise<GetResourceUsageResponse>
  claimResource(params: FlowgladActionParams<'resources/claim'>): Promise<ClaimResourceResponse>
  releaseResource(
    params: FlowgladActionParams<'resources/release'>,
  ): Promise<ReleaseResourceResponse>
  listResourceClaims(params: ListResourceClaimsParams): Promise<ListResourceClaimsResponse>
  /** The session's external id; used by `routeToHandlerMap`, which is handed no request. */
  getRequestingCustomerId?(): Promise<string>
}

/** What the hybrid route needs of `FlowgladServerAdmin` (the secret key, no customer). */
export interface FlowgladAdminLike {
  getDefaultPricingModel(): Promise<{ pricingModel: PricingModel }>
}

/** What every action handler receives besides its parsed input. */
export interface ActionContext {
  /** The session's customer, as the app's `getCustomerExternalId` resolved it. */
  customerExternalId: string
  /** The customer-scoped server SDK for that customer. */
  flowglad: FlowgladServerLike
  /** The browser's request; absent when an app's own adapter runs `routeToHandlerMap` bare. */
  request: Request | undefined
  usagePolicy: UsagePolicy | undefined
  /** The handler's `allowedOrigins`: checkout redirects may point there besides the app itself. */
  allowedOrigins: readonly string[] | undefined
}

/**
 * A hybrid action (`requiresCustomer: false` in the table) runs signed out too: then there is
 * no customer and no customer-scoped SDK, only the organisation's admin client.
 */
export interface HybridActionContext
  extends Omit<ActionContext, 'customerExternalId' | 'flowglad'> {
  customerExternalId: string | null
  flowglad: FlowgladServerLike | null
  /** Built on first use from the handler's `apiKey` / `baseURL` (or `flowgladAdmin`). */
  flowgladAdmin: () => FlowgladAdminLike
}

export type ActionHandler<K extends FlowgladActionKey> = (
  input: FlowgladActionInput<K>,
  context: K extends HybridActionKey ? HybridActionContext : ActionContext,
) => Promise<unknown>

/** One handler per action key: a key without a handler is a type error. */
export type ActionHandlerMap = { [K in FlowgladActionKey]: ActionHandler<K> }

type MaybePromise<T> = T | Promise<T>

/** Seen by `beforeRequest`: the raw request and the action path it asked for. */
export interface RequestInfo {
  request: Request
  /** The action path under the base path, e.g. `usage-events/create` (may be unknown). */
  path: string
}

/** Seen by `afterRequest`, which runs after every answer, success or error. */
export interface ResponseInfo extends RequestInfo {
  status: number
  /** The catalogue code of an error answer, null on success. */
  errorCode: string | null
}

/**
 * Options of the route handler core. `Source` is what the app's callbacks receive: the Web
 * `Request` by default; adapters pass their framework's own request object (e.g. Express `req`).
 */
export interface FlowgladHandlerOptions<Source = Request> {
  /** The app's auth: the asking customer's external id, or null when nobody is signed in. */
  getCustomerExternalId: (request: Source) => MaybePromise<string | null | undefined>
  /** Builds the customer-scoped server SDK, e.g. `(id) => new FlowgladServer({ customerExternalId: id, ... })`. */
  flowglad: (customerExternalId: string) => MaybePromise<FlowgladServerLike>
  /**
   * Secret key for the hybrid route signed out (`pricing-models/retrieve` reads the default
   * pricing model); default `FLOWGLAD_SECRET_KEY`. Signed-in requests never use it.
   */
  apiKey?: string
  /** API origin for that admin client; default `FLOWGLAD_BASE_URL`, else Flowglad's. */
  baseURL?: string
  /** Builds that admin client instead (e.g. with a custom fetch); overrides apiKey/baseURL. */
  flowgladAdmin?: () => FlowgladAdminLike
  /** Where the routes are mounted; default `/api/flowglad`. Ignored when an adapter passes the path. */
  basePath?: string
  /** Guard for browser-originated usage events; default: allow all (as upstream). */
  usagePolicy?: UsagePolicy
  /** Extra origins (e.g. `https://app.example.com`) allowed past the CSRF guard besides the request host. */
  allowedOrigins?: readonly string[]
  /**
   * Largest request body accepted, in bytes (default 1,048,576 = 1 MiB; `Infinity` for none).
   * Counted while streaming; a larger body is refused with 413 `payload_too_large`.
   */
  maxBodyBytes?: number
  /** Called with every error that did not come from the core's own request checks (API errors, bugs). */
  onError?: (error: unknown) => void
  /** Runs first on every request; throwing a FlowgladError answers with that error. */
  beforeRequest?: (info: RequestInfo) => MaybePromise<void>
  /** Runs after every answer (success or error); its failures are reported to `onError` only. */
  afterRequest?: (info: ResponseInfo) => MaybePromise<void>
}

/** How an adapter tells the core what it already knows about the request. */
export interface RouteHint<Source = Request> {
  /** The action path as the framework's catch-all parsed it (`['usage-events', 'create']`). */
  path?: string | readonly string[]
  /** The framework's request object, handed to the app's callbacks instead of the Web Request. */
  source?: Source
}

export type FlowgladHandler<Source = Request> = (
  request: Request,
  hint?: RouteHint<Source>,
) => Promise<Response>
