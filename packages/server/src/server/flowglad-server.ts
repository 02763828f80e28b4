import {
  type AdjustSubscriptionParams,
  type AdjustSubscriptionResponse,
  adjustSubscriptionParamsSchema,
  type BillingWithChecks,
  type CancelSubscriptionParams,
  type ClaimResourceParams,
  type ClaimResourceResponse,
  type CreateActivateSubscriptionCheckoutSessionParams,
  type CreateAddPaymentMethodCheckoutSessionParams,
  type CreateProductCheckoutSessionParams,
  type CreateSubscriptionParams,
  type Customer,
  type CustomerBillingDetails,
  cancelSubscriptionSchema,
  clientCreateSubscriptionSchema,
  createActivateSubscriptionCheckoutSessionSchema,
  createAddPaymentMethodCheckoutSessionSchema,
  createProductCheckoutSessionSchema,
  customerUpdateFieldsSchema,
  FlowgladError,
  type GetCustomerDetailsResponse,
  type GetFeatureAccessItemsResponse,
  type GetPaymentMethodsResponse,
  type GetResourcesParams,
  type GetResourcesResponse,
  type GetResourceUsageParams,
  type GetResourceUsageResponse,
  type GetSubscriptionsResponse,
  type ListPageParams,
  type ListResourceClaimsParams,
  type ListResourceClaimsResponse,
  type PricingModel,
  parseOrThrow,
  type ReleaseResourceParams,
  type ReleaseResourceResponse,
  type SafeParser,
  type UncancelSubscriptionParams,
  uncancelSubscriptionSchema,
  usageMeterBalancesInputSchema,
  withBillingChecks,
} from '@flowglad/shared/core'
import { isApiConflict, isApiNotFound } from '../client/api-error.js'
import type { FlowgladClientOptions, RequestOptions } from '../client/options.js'
import * as resourceClaims from '../client/resource-claims.js'
import { apiPath, FlowgladRestClient } from '../client/rest-client.js'
import type {
  BulkUsageEventsResponse,
  CheckoutSessionResponse,
  CreateCustomerResponse,
  CreateSubscriptionResponse,
  CustomerCreateInput,
  CustomerResponse,
  CustomerUpdateInput,
  SubscriptionResponse,
  UsageEventResponse,
  UsageMeterBalancesResponse,
} from '../client/wire-types.js'
import { adjustmentBody, onlyCurrentSubscription } from './adjust-subscription.js'
import {
  customerDetailsView,
  featureAccessView,
  invoicesView,
  paymentMethodsView,
  purchasesView,
  subscriptionsView,
} from './billing-views.js'
import { forbiddenSubscription } from './forbidden-subscription.js'
import {
  DEFAULT_OWNERSHIP_CACHE_TTL_MS,
  defaultOwnershipCache,
  type OwnedSubscriptions,
  type OwnershipCache,
} from './ownership-cache.js'
import { CustomerSession, type CustomerSource } from './session.js'
import { parseUsageEvent, parseUsageEvents, type UsageEventInput } from './usage-event-input.js'

export const DEFAULT_BULK_CHUNK_SIZE = 500

export interface FlowgladServerExtraOptions {
  /** How long the customer's subscription ids are trusted (default 60 000 ms; 0 disables). */
  ownershipCacheTtlMs?: number
  /** The cache to use; by default one bounded cache per fetch implementation, process-wide. */
  ownershipCache?: OwnershipCache
  /** Events per bulk request (default 500). */
  bulkChunkSize?: number
}

export type FlowgladServerOptions = CustomerSource &
  FlowgladClientOptions &
  FlowgladServerExtraOptions

export type CreateSubscriptionInput = Omit<CreateSubscriptionParams, 'customerId'>

export interface UpdateCustomerInput {
  customer: CustomerUpdateInput & { id?: string | undefined }
  /** Accepted for upstream compatibility; must be the session's own id when given. */
  externalId?: string | undefined
}

export interface BulkCreateUsageEventsResult extends BulkUsageEventsResponse {
  /** How many events the API left out as duplicates (same transactionId on the same meter). */
  skipped: number
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < 1) {
    throw new FlowgladError('validation_error', `${name} must be a positive integer`)
  }
  return value
}

/** An id the caller may pass along must be the session's own: anything else is `forbidden`. */
function assertSessionCustomer(given: string | undefined, own: string, message: string): void {
  if (given !== undefined && given !== own) throw new FlowgladError('forbidden', message)
}

function ownedFromBilling(billing: CustomerBillingDetails): OwnedSubscriptions {
  const current = billing.currentSubscriptions ?? []
  const currentSubscriptionIds = current.map((subscription) => subscription.id)
  const all = (billing.subscriptions ?? []).map((subscription) => subscription.id)
  return {
    customerId: billing.customer.id,
    currentSubscriptionId: billing.currentSubscription?.id ?? current[0]?.id ?? null,
    currentSubscriptionIds: Object.freeze(currentSubscriptionIds),
    subscriptionIds: Object.freeze([...new Set([...all, ...currentSubscriptionIds])]),
  }
}

/** What a checkout schema yields: the fields this SDK reads before sending it on. */
type CheckoutInput = { successUrl: string; targetSubscriptionId?: string | undefined }

/** A resource-claims call, made once the subscription it acts on is known to be the customer's. */
type ResourceCall<Input, Result> = (
  client: FlowgladRestClient,
  subscriptionId: string,
  input: Input,
  options?: RequestOptions,
) => Promise<Result>

/**
 * The customer-scoped server SDK: every call acts for one customer, and every write that names a
 * subscription is checked against that customer's own subscriptions before anything is sent.
 */
export class FlowgladServer {
  readonly #client: FlowgladRestClient
  readonly #session: CustomerSession
  readonly #cache: OwnershipCache
  readonly #cacheTtlMs: number
  readonly #bulkChunkSize: number
  #customerInFlight: Promise<Customer> | undefined

  constructor(options: FlowgladServerOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new FlowgladError('validation_error', 'FlowgladServer needs an options object')
    }
    this.#session = new CustomerSession(options)
    this.#client = new FlowgladRestClient(options)
    const ttl = options.ownershipCacheTtlMs ?? DEFAULT_OWNERSHIP_CACHE_TTL_MS
    if (!Number.isFinite(ttl) || ttl < 0) {
      throw new FlowgladError('validation_error', 'ownershipCacheTtlMs must be a number ≥ 0')
    }
    this.#cacheTtlMs = ttl
    this.#cache = options.ownershipCache ?? defaultOwnershipCache(options.fetch)
    this.#bulkChunkSize = positiveInteger(
      'bulkChunkSize',
      options.bulkChunkSize,
      DEFAULT_BULK_CHUNK_SIZE,
    )
  }

  // ── session ────────────────────────────────────────────────────────────────

  /** The app's id for the asking customer; throws `unauthenticated` if there is none. */
  getRequestingCustomerId(): Promise<string> {
    return this.#session.externalId()
  }

  /** `{ externalId, name, email }` (scoped form: name and email are empty strings). */
  getSession(): Promise<{ externalId: string; name: string; email: string }> {
    return this.#session.session()
  }

  // ── customers ──────────────────────────────────────────────────────────────

  async getCustomer(options?: RequestOptions): Promise<CustomerResponse> {
    const externalId = await this.#session.externalId()
    return this.#client.get<CustomerResponse>(apiPath`/customers/${externalId}`, {}, options)
  }

  /**
   * Creates this customer. Name and email come from `params.customer`, else from
   * `getCustomerDetails` / `getRequestingCustomer`; the externalId is always the session's.
   */
  async createCustomer(
    params: { customer?: Partial<CustomerCreateInput> } = {},
    options?: RequestOptions,
  ): Promise<CreateCustomerResponse> {
    const externalId = await this.#session.externalId()
    const given = params.customer ?? {}
    assertSessionCustomer(
      given.externalId,
      externalId,
      'customer.externalId must be the session customer',
    )
    const details =
      typeof given.name === 'string' && typeof given.email === 'string'
        ? { name: given.name, email: given.email }
        : await this.#session.details()
    const customer: CustomerCreateInput = { ...given, ...details, externalId }
    // No cache invalidation: entries only exist for customers that already existed.
    return this.#client.post<CreateCustomerResponse>(apiPath`/customers`, { customer }, options)
  }

  /**
   * GET the customer; on NOT_FOUND create it (details from `getCustomerDetails`), and if that
   * create hits CONFLICT because a concurrent request created it first, GET it again.
   */
  findOrCreateCustomer(options?: RequestOptions): Promise<Customer> {
    this.#customerInFlight ??= this.#findOrCreateCustomer(options).finally(() => {
      this.#customerInFlight = undefined
    })
    return this.#customerInFlight
  }

  async #findOrCreateCustomer(options?: RequestOptions): Promise<Customer> {
    try {
      return (await this.getCustomer(options)).customer
    } catch (error) {
      if (!isApiNotFound(error)) throw error
    }
    return this.#createCustomerTolerantly(options)
  }

  /** Creates the customer; a CONFLICT means someone else just did, so read theirs. */
  async #createCustomerTolerantly(options?: RequestOptions): Promise<Customer> {
    try {
      return (await this.createCustomer({}, options)).data.customer
    } catch (error) {
      if (!isApiConflict(error)) throw error
      return (await this.getCustomer(options)).customer
    }
  }

  /** PUT with the session's externalId; `customer.id` (upstream input) is not sent. */
  async updateCustomer(
    params: UpdateCustomerInput,
    options?: RequestOptions,
  ): Promise<CustomerResponse> {
    const externalId = await this.#session.externalId()
    assertSessionCustomer(params?.externalId, externalId, 'externalId must be the session customer')
    const { id: _id, ...customer } = parseOrThrow(
      customerUpdateFieldsSchema,
      params?.customer,
      'Invalid customer',
    )
    return this.#client.put<CustomerResponse>(
      apiPath`/customers/${externalId}`,
      { customer },
      options,
    )
  }

  /**
   * Archives this customer (`POST /customers/{externalId}/archive`) and returns it. Scoped like
   * every other write: another customer's id is `forbidden` (upstream archives any id; the
   * organisation-wide call belongs with the secret key's own tools, not the session's SDK).
   */
  async archiveCustomer(externalId?: string, options?: RequestOptions): Promise<Customer> {
    const own = await this.#session.externalId()
    assertSessionCustomer(externalId, own, 'archiveCustomer only archives the session customer')
    const archived = await this.#postThenInvalidate<CustomerResponse>(
      apiPath`/customers/${own}/archive`,
      {},
      options,
    )
    return archived.customer
  }

  /**
   * A write that may change the customer's subscriptions: the cached ids are dropped after it,
   * whether it succeeded or not.
   */
  async #postThenInvalidate<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    try {
      return await this.#client.post<T>(path, body, options)
    } finally {
      await this.invalidateOwnershipCache()
    }
  }

  // ── billing ────────────────────────────────────────────────────────────────

  /**
   * The customer's billing plus the pure checks. Steady state: one GET billing; only on
   * NOT_FOUND is the customer created and billing read again. Also refreshes the ownership cache.
   */
  async getBilling(options?: RequestOptions): Promise<BillingWithChecks> {
    const billing = await this.#loadBilling(options)
    // A full billing read is as fresh as it gets: warm the ownership cache with it.
    this.#cache.set(await this.#ownershipKey(), ownedFromBilling(billing), this.#cacheTtlMs)
    return withBillingChecks(billing)
  }

  async getPricingModel(options?: RequestOptions): Promise<{ pricingModel: PricingModel }> {
    const billing = await this.#loadBilling(options)
    return { pricingModel: billing.pricingModel ?? billing.catalog }
  }

  // Read views of one billing call each (upstream's next release names them so).

  async getSubscriptions(
    params: { includeHistorical?: boolean } = {},
    options?: RequestOptions,
  ): Promise<GetSubscriptionsResponse> {
    return subscriptionsView(await this.getBilling(options), params)
  }

  async getFeatureAccessItems(
    params: { subscriptionId?: string } = {},
    options?: RequestOptions,
  ): Promise<GetFeatureAccessItemsResponse> {
    return featureAccessView(await this.getBilling(options), params)
  }

  async getPaymentMethods(options?: RequestOptions): Promise<GetPaymentMethodsResponse> {
    return paymentMethodsView(await this.getBilling(options))
  }

  async getCustomerDetails(options?: RequestOptions): Promise<GetCustomerDetailsResponse> {
    return customerDetailsView(await this.getBilling(options))
  }

  async getInvoices(params: ListPageParams = {}, options?: RequestOptions) {
    return invoicesView(await this.getBilling(options), params)
  }

  async getPurchases(params: ListPageParams = {}, options?: RequestOptions) {
    return purchasesView(await this.getBilling(options), params)
  }

  async #loadBilling(options?: RequestOptions): Promise<CustomerBillingDetails> {
    const externalId = await this.#session.externalId()
    return this.#getCreatingCustomer(apiPath`/customers/${externalId}/billing`, {}, options)
  }

  /**
   * GET a customer's resource; NOT_FOUND there means the customer does not exist yet, so it is
   * created and the resource read once more. `createOnNotFound: false` passes NOT_FOUND on.
   */
  async #getCreatingCustomer<T>(
    path: string,
    query: Record<string, string | undefined>,
    options?: RequestOptions,
    createOnNotFound = true,
  ): Promise<T> {
    try {
      return await this.#client.get<T>(path, query, options)
    } catch (error) {
      if (!createOnNotFound || !isApiNotFound(error)) throw error
      await this.#createCustomerTolerantly(options)
      return this.#client.get<T>(path, query, options)
    }
  }

  async getUsageMeterBalances(
    params: { subscriptionId?: string | undefined } = {},
    options?: RequestOptions,
  ): Promise<UsageMeterBalancesResponse> {
    const { subscriptionId } = parseOrThrow(usageMeterBalancesInputSchema, params ?? {})
    // The API scopes balances to the customer anyway; checking here first keeps forged ids
    // from costing an API call each (free with the cache warm).
    if (subscriptionId !== undefined) await this.#assertListed([subscriptionId], true, options)
    const externalId = await this.#session.externalId()
    // Without a subscriptionId, NOT_FOUND can only mean the customer does not exist yet.
    return this.#getCreatingCustomer(
      apiPath`/customers/${externalId}/usage-balances`,
      { subscriptionId },
      options,
      subscriptionId === undefined,
    )
  }

  // ── ownership ──────────────────────────────────────────────────────────────

  /**
   * The customer's current subscriptions, from the bounded TTL cache (first fill: one GET
   * billing, creating the customer on NOT_FOUND).
   */
  async getOwnedSubscriptions(options?: RequestOptions): Promise<OwnedSubscriptions> {
    return this.#owned(options)
  }

  /**
   * Throws `forbidden` unless the subscription is among the customer's current ones. A miss on a
   * cached answer is re-checked once against the API, so a brand-new subscription is not refused.
   */
  async assertOwnsSubscription(subscriptionId: string, options?: RequestOptions): Promise<void> {
    await this.#assertListed([subscriptionId], false, options)
  }

  /** Drops this customer's cached subscription ids. */
  async invalidateOwnershipCache(): Promise<void> {
    this.#cache.delete(await this.#ownershipKey())
  }

  /**
   * Throws `forbidden` unless every id is among the customer's current subscriptions, or with
   * `anyStatus` among all of them: billing lists canceled ones too, so an id missing there is
   * refused without asking the API about it (a cached value from before that list existed lets
   * it through to the caller's own check). A miss on a cached answer is re-checked once against
   * the API; after that re-check, misses are refused from cache for the TTL, so forged ids cost
   * no further API calls.
   */
  async #assertListed(
    subscriptionIds: readonly string[],
    anyStatus: boolean,
    options?: RequestOptions,
  ): Promise<OwnedSubscriptions> {
    const missingFrom = (owned: OwnedSubscriptions) => {
      const listed = anyStatus
        ? (owned.subscriptionIds ?? subscriptionIds)
        : owned.currentSubscriptionIds
      return subscriptionIds.filter((id) => !listed.includes(id))
    }
    let owned = await this.#owned(options)
    if (missingFrom(owned).length > 0 && !this.#cache.isVerified(await this.#ownershipKey())) {
      owned = await this.#owned(options, true)
    }
    const missing = missingFrom(owned)
    if (missing.length > 0) throw forbiddenSubscription(missing[0] as string)
    return owned
  }

  async #owned(options?: RequestOptions, fresh = false): Promise<OwnedSubscriptions> {
    const key = await this.#ownershipKey()
    return this.#cache.load(
      key,
      this.#cacheTtlMs,
      async () => ownedFromBilling(await this.#loadBilling(options)),
      { fresh },
    )
  }

  async #ownershipKey(): Promise<string> {
    const externalId = await this.#session.externalId()
    const { baseURL, apiKey } = this.#client.config
    return `${baseURL}\u0000${apiKey}\u0000${externalId}`
  }

  /** GET the subscription and compare its customer: works for non-current ones too. */
  async #ownedSubscription(
    subscriptionId: string,
    options?: RequestOptions,
  ): Promise<SubscriptionResponse> {
    const owned = await this.#assertListed([subscriptionId], true, options)
    let response: SubscriptionResponse
    try {
      response = await this.#client.get<SubscriptionResponse>(
        apiPath`/subscriptions/${subscriptionId}`,
        {},
        options,
      )
    } catch (error) {
      throw isApiNotFound(error) ? forbiddenSubscription(subscriptionId) : error
    }
    if (response.subscription?.customerId !== owned.customerId) {
      throw forbiddenSubscription(subscriptionId)
    }
    return response
  }

  /** A current subscription passes from cache; any other (e.g. canceled) is asked about. */
  async #assertOwnsAnyStatus(subscriptionId: string, options?: RequestOptions): Promise<void> {
    const owned = await this.#owned(options)
    if (!owned.currentSubscriptionIds.includes(subscriptionId)) {
      await this.#ownedSubscription(subscriptionId, options)
    }
  }

  /**
   * The subscription a call acts on: `subscriptionId` once checked (`currentOnly`: among the
   * current ones, else any of the customer's), or without one the only current subscription
   * (none or several: `missing_subscription_id`, `where` worded as in `onlyCurrentSubscription`).
   */
  async #targetSubscription(
    subscriptionId: string | undefined,
    currentOnly: boolean,
    options?: RequestOptions,
    where?: string,
  ): Promise<string> {
    if (subscriptionId === undefined) {
      const owned = await this.#owned(options)
      return onlyCurrentSubscription(owned.currentSubscriptionIds, where)
    }
    if (currentOnly) await this.#assertListed([subscriptionId], false, options)
    else await this.#assertOwnsAnyStatus(subscriptionId, options)
    return subscriptionId
  }

  // ── checkout sessions ──────────────────────────────────────────────────────

  async createCheckoutSession(
    params: CreateProductCheckoutSessionParams,
    options?: RequestOptions,
  ): Promise<CheckoutSessionResponse> {
    return this.#createCheckout(createProductCheckoutSessionSchema, 'product', params, options)
  }

  async createAddPaymentMethodCheckoutSession(
    params: CreateAddPaymentMethodCheckoutSessionParams,
    options?: RequestOptions,
  ): Promise<CheckoutSessionResponse> {
    return this.#createCheckout(
      createAddPaymentMethodCheckoutSessionSchema,
      'add_payment_method',
      params,
      options,
    )
  }

  async createActivateSubscriptionCheckoutSession(
    params: CreateActivateSubscriptionCheckoutSessionParams,
    options?: RequestOptions,
  ): Promise<CheckoutSessionResponse> {
    return this.#createCheckout(
      createActivateSubscriptionCheckoutSessionSchema,
      'activate_subscription',
      params,
      options,
    )
  }

  /** A `targetSubscriptionId` (the payment-method and activation kinds) must be a current one. */
  async #createCheckout(
    schema: SafeParser<CheckoutInput>,
    type: 'product' | 'add_payment_method' | 'activate_subscription',
    params: unknown,
    options?: RequestOptions,
  ): Promise<CheckoutSessionResponse> {
    const input = parseOrThrow(schema, params, 'Invalid checkout')
    if (input.targetSubscriptionId !== undefined) {
      await this.#assertListed([input.targetSubscriptionId], false, options)
    }
    const customerExternalId = await this.#session.externalId()
    // Makes sure the customer exists (free when the ownership cache is warm).
    await this.#owned(options)
    const session = await this.#client.post<CheckoutSessionResponse>(
      apiPath`/checkout-sessions`,
      { checkoutSession: { ...input, type, customerExternalId } },
      options,
    )
    // Completing it happens outside this SDK and may replace the current subscription:
    // drop the cached list so the next read asks the API.
    await this.invalidateOwnershipCache()
    return session
  }

  // ── subscriptions ──────────────────────────────────────────────────────────

  /** Ownership-checked (nothing is sent for a foreign subscription). */
  async cancelSubscription(
    params: CancelSubscriptionParams,
    options?: RequestOptions,
  ): Promise<SubscriptionResponse> {
    const { id, cancellation } = parseOrThrow(cancelSubscriptionSchema, params)
    // Not current (e.g. already canceled): the API is asked whose it is before forwarding.
    await this.#assertOwnsAnyStatus(id, options)
    return this.#postThenInvalidate(apiPath`/subscriptions/${id}/cancel`, { cancellation }, options)
  }

  /** Ownership-checked and idempotent: a subscription not scheduled to cancel comes back as is. */
  async uncancelSubscription(
    params: UncancelSubscriptionParams,
    options?: RequestOptions,
  ): Promise<SubscriptionResponse> {
    const { id } = parseOrThrow(uncancelSubscriptionSchema, params)
    const current = await this.#ownedSubscription(id, options)
    if (current.subscription.status !== 'cancellation_scheduled') return current
    return this.#postThenInvalidate(apiPath`/subscriptions/${id}/uncancel`, {}, options)
  }

  /** quantity defaults to 1; the customer is injected. */
  async createSubscription(
    params: CreateSubscriptionInput,
    options?: RequestOptions,
  ): Promise<CreateSubscriptionResponse> {
    const input = parseOrThrow(clientCreateSubscriptionSchema, params, 'Invalid subscription')
    const { customerId } = await this.#owned(options)
    return this.#postThenInvalidate(
      apiPath`/subscriptions`,
      { ...input, quantity: input.quantity ?? 1, customerId },
      options,
    )
  }

  /**
   * Moves a subscription to new prices: `{ priceSlug | priceId, quantity? }` or
   * `{ subscriptionItems }`, `timing` (default `auto`), `prorate?`. Without `subscriptionId` it
   * takes the customer's only current subscription (none or several: `missing_subscription_id`);
   * with one, it must be among the customer's current ones (`forbidden`, nothing sent).
   */
  async adjustSubscription(
    params: AdjustSubscriptionParams,
    options?: RequestOptions,
  ): Promise<AdjustSubscriptionResponse> {
    const input = parseOrThrow(adjustSubscriptionParamsSchema, params, 'Invalid adjustment')
    const subscriptionId = await this.#targetSubscription(input.subscriptionId, true, options)
    return this.#postThenInvalidate(
      apiPath`/subscriptions/${subscriptionId}/adjust`,
      adjustmentBody(input),
      options,
    )
  }

  // ── resources ──────────────────────────────────────────────────────────────
  // Each acts on `subscriptionId` when given (it must be the customer's: `forbidden`, nothing
  // sent), else on the only current subscription (none or several: `missing_subscription_id`).
  // Writes need one of the current subscriptions; reads accept any of the customer's (a canceled
  // one keeps its claim history).

  /** Every resource of the subscription: `{ resources: [{ resourceSlug, capacity, claimed, available, ... }] }`. */
  async getResourceUsages(
    params: GetResourcesParams = {},
    options?: RequestOptions,
  ): Promise<GetResourcesResponse> {
    return this.#onResourceSubscription(
      resourceClaims.parseResourcesQuery(params),
      false,
      (client, subscriptionId, _input, callOptions) =>
        resourceClaims.fetchResourceUsages(client, subscriptionId, callOptions),
      options,
    )
  }

  /** One resource (by `resourceSlug` or `resourceId`): `{ usage, claims }`. */
  async getResourceUsage(
    params: GetResourceUsageParams,
    options?: RequestOptions,
  ): Promise<GetResourceUsageResponse> {
    return this.#onResourceSubscription(
      resourceClaims.parseUsageQuery(params),
      false,
      resourceClaims.fetchResourceUsage,
      options,
    )
  }

  /**
   * Claims `quantity` anonymous units, or named ones by `externalId` / `externalIds` (claiming
   * a held id again returns its claim). Past capacity the API refuses and claims nothing.
   */
  async claimResource(
    params: ClaimResourceParams,
    options?: RequestOptions,
  ): Promise<ClaimResourceResponse> {
    return this.#onResourceSubscription(
      resourceClaims.parseClaim(params),
      true,
      resourceClaims.postClaim,
      options,
    )
  }

  /** Releases the oldest `quantity` anonymous claims, or claims by external id(s) or claim ids. */
  async releaseResource(
    params: ReleaseResourceParams,
    options?: RequestOptions,
  ): Promise<ReleaseResourceResponse> {
    return this.#onResourceSubscription(
      resourceClaims.parseRelease(params),
      true,
      resourceClaims.postRelease,
      options,
    )
  }

  /** The active claims, optionally of one resource (`resourceSlug`). */
  async listResourceClaims(
    params: ListResourceClaimsParams = {},
    options?: RequestOptions,
  ): Promise<ListResourceClaimsResponse> {
    return this.#onResourceSubscription(
      resourceClaims.parseClaimsQuery(params),
      false,
      resourceClaims.fetchClaims,
      options,
    )
  }

  /** Resolves the subscription (`currentOnly` for writes) and makes the call on it. */
  async #onResourceSubscription<Input extends { subscriptionId?: string | undefined }, Result>(
    input: Input,
    currentOnly: boolean,
    call: ResourceCall<Input, Result>,
    options?: RequestOptions,
  ): Promise<Result> {
    const subscriptionId = await this.#targetSubscription(
      input.subscriptionId,
      currentOnly,
      options,
      '',
    )
    return call(this.#client, subscriptionId, input, options)
  }

  // ── usage events ───────────────────────────────────────────────────────────

  /**
   * Strict shared schema (`usageDate` may be a `Date`; null properties / usageDate are dropped);
   * the subscription must be this customer's, else `forbidden` and nothing is sent. With the
   * ownership cache warm this is exactly one API request.
   */
  async createUsageEvent(
    params: UsageEventInput,
    options?: RequestOptions,
  ): Promise<UsageEventResponse> {
    const usageEvent = parseUsageEvent(params)
    await this.#assertListed([usageEvent.subscriptionId], false, options)
    return this.#client.post<UsageEventResponse>(apiPath`/usage-events`, { usageEvent }, options)
  }

  /**
   * Every distinct subscriptionId must be the customer's (else `forbidden`, nothing sent); sent
   * in order in chunks (default 500 per request), one after another: a failure stops there
   * (earlier chunks stand). Returns the created events and how many the API skipped as duplicates.
   */
  async bulkCreateUsageEvents(
    params: { usageEvents: UsageEventInput[] },
    options?: RequestOptions & { chunkSize?: number },
  ): Promise<BulkCreateUsageEventsResult> {
    const usageEvents = parseUsageEvents(params)
    const chunkSize = positiveInteger('chunkSize', options?.chunkSize, this.#bulkChunkSize)
    const subscriptionIds = [...new Set(usageEvents.map((event) => event.subscriptionId))]
    await this.#assertListed(subscriptionIds, false, options)
    const created: BulkUsageEventsResponse['usageEvents'] = []
    for (let start = 0; start < usageEvents.length; start += chunkSize) {
      const response = await this.#client.post<BulkUsageEventsResponse>(
        apiPath`/usage-events/bulk`,
        { usageEvents: usageEvents.slice(start, start + chunkSize) },
        options,
      )
      created.push(...(response?.usageEvents ?? []))
    }
    return { usageEvents: created, skipped: usageEvents.length - created.length }
  }
}
