import type {
  ClaimResourceBody,
  ClaimResourceResponse,
  Customer,
  CustomerBillingDetails,
  GetResourcesResponse,
  GetResourceUsageResponse,
  ListResourceClaimsResponse,
  Price,
  Product,
  ReleaseResourceBody,
  ReleaseResourceResponse,
  Resource,
  ResourceIdentifier,
  Subscription,
  UsageEvent,
  UsageMeter,
} from '@flowglad/shared/core'
import type { FlowgladClientOptions, RequestOptions } from '../client/options.js'
import * as resourceClaims from '../client/resource-claims.js'
import { apiPath, FlowgladRestClient } from '../client/rest-client.js'
import type {
  BulkUsageEventsResponse,
  ClonePricingModelParams,
  CreateCustomerResponse,
  CreatePriceParams,
  CreateProductParams,
  CreateUsageMeterParams,
  CustomerCreateInput,
  CustomerResponse,
  CustomerUpdateInput,
  ListParams,
  PaginatedList,
  PriceResponse,
  PricingModelResponse,
  ProductResponse,
  SubscriptionResponse,
  UpdatePriceParams,
  UpdateProductParams,
  UpdateUsageMeterParams,
  UsageEventResponse,
  UsageEventWireInput,
  UsageMeterBalancesResponse,
  UsageMeterResponse,
} from '../client/wire-types.js'
import { parseUsageEvents, type UsageEventInput } from '../server/usage-event-input.js'

export type FlowgladServerAdminOptions = FlowgladClientOptions

/**
 * Organisation-wide access with the secret key: not customer-scoped, no ownership checks.
 * Method names and parameter shapes mirror the upstream SDK. Every method is `async`, so bad input
 * (a blank id, an invalid bulk list) rejects like any API error instead of throwing synchronously.
 */
export class FlowgladServerAdmin {
  readonly #client: FlowgladRestClient

  constructor(options: FlowgladServerAdminOptions = {}) {
    this.#client = new FlowgladRestClient(options)
  }

  // Customers
  async createCustomer(
    params: { customer: CustomerCreateInput },
    options?: RequestOptions,
  ): Promise<CreateCustomerResponse> {
    return this.#client.post(apiPath`/customers`, params, options)
  }

  async getCustomer(externalId: string, options?: RequestOptions): Promise<CustomerResponse> {
    return this.#client.get(apiPath`/customers/${externalId}`, {}, options)
  }

  async updateCustomer(
    externalId: string,
    params: { customer: CustomerUpdateInput },
    options?: RequestOptions,
  ): Promise<CustomerResponse> {
    return this.#client.put(apiPath`/customers/${externalId}`, params, options)
  }

  async getCustomerBilling(
    externalId: string,
    options?: RequestOptions,
  ): Promise<CustomerBillingDetails> {
    return this.#client.get(apiPath`/customers/${externalId}/billing`, {}, options)
  }

  async getCustomerUsageBalances(
    externalId: string,
    params: { subscriptionId?: string } = {},
    options?: RequestOptions,
  ): Promise<UsageMeterBalancesResponse> {
    return this.#client.get(
      apiPath`/customers/${externalId}/usage-balances`,
      { subscriptionId: params.subscriptionId },
      options,
    )
  }

  async listCustomers(
    params: ListParams = {},
    options?: RequestOptions,
  ): Promise<PaginatedList<Customer>> {
    return this.#client.get(apiPath`/customers`, { ...params }, options)
  }

  // Subscriptions
  async getSubscription(id: string, options?: RequestOptions): Promise<SubscriptionResponse> {
    return this.#client.get(apiPath`/subscriptions/${id}`, {}, options)
  }

  async listSubscriptions(
    params: ListParams = {},
    options?: RequestOptions,
  ): Promise<PaginatedList<Subscription>> {
    return this.#client.get(apiPath`/subscriptions`, { ...params }, options)
  }

  // Pricing models
  async getPricingModel(id: string, options?: RequestOptions): Promise<PricingModelResponse> {
    return this.#client.get(apiPath`/pricing-models/${id}`, {}, options)
  }

  async getDefaultPricingModel(options?: RequestOptions): Promise<PricingModelResponse> {
    return this.#client.get(apiPath`/pricing-models/default`, {}, options)
  }

  async clonePricingModel(
    id: string,
    params: ClonePricingModelParams,
    options?: RequestOptions,
  ): Promise<PricingModelResponse> {
    return this.#client.post(apiPath`/pricing-models/${id}/clone`, params, options)
  }

  // Products
  async createProduct(
    params: CreateProductParams,
    options?: RequestOptions,
  ): Promise<ProductResponse> {
    return this.#client.post(apiPath`/products`, params, options)
  }

  async updateProduct(
    id: string,
    params: UpdateProductParams,
    options?: RequestOptions,
  ): Promise<ProductResponse> {
    return this.#client.put(apiPath`/products/${id}`, params, options)
  }

  /** The API answers with a bare product object (no wrapper). */
  async getProduct(id: string, options?: RequestOptions): Promise<Product> {
    return this.#client.get(apiPath`/products/${id}`, {}, options)
  }

  // Prices
  async createPrice(params: CreatePriceParams, options?: RequestOptions): Promise<PriceResponse> {
    return this.#client.post(apiPath`/prices`, params, options)
  }

  async updatePrice(
    id: string,
    params: UpdatePriceParams,
    options?: RequestOptions,
  ): Promise<PriceResponse> {
    return this.#client.put(apiPath`/prices/${id}`, params, options)
  }

  async getPrice(id: string, options?: RequestOptions): Promise<PriceResponse> {
    return this.#client.get(apiPath`/prices/${id}`, {}, options)
  }

  async listPrices(
    params: ListParams = {},
    options?: RequestOptions,
  ): Promise<PaginatedList<Price>> {
    return this.#client.get(apiPath`/prices`, { ...params }, options)
  }

  // Usage meters
  async createUsageMeter(
    params: CreateUsageMeterParams,
    options?: RequestOptions,
  ): Promise<UsageMeterResponse> {
    return this.#client.post(apiPath`/usage-meters`, params, options)
  }

  async getUsageMeter(id: string, options?: RequestOptions): Promise<UsageMeterResponse> {
    return this.#client.get(apiPath`/usage-meters/${id}`, {}, options)
  }

  async updateUsageMeter(
    id: string,
    params: UpdateUsageMeterParams,
    options?: RequestOptions,
  ): Promise<UsageMeterResponse> {
    return this.#client.put(apiPath`/usage-meters/${id}`, params, options)
  }

  async listUsageMeters(
    params: ListParams = {},
    options?: RequestOptions,
  ): Promise<PaginatedList<UsageMeter>> {
    return this.#client.get(apiPath`/usage-meters`, { ...params }, options)
  }

  // Usage events
  /** Raw: sent as given (no shared schema), like upstream. */
  async createUsageEvent(
    params: { usageEvent: UsageEventWireInput },
    options?: RequestOptions,
  ): Promise<UsageEventResponse> {
    return this.#client.post(apiPath`/usage-events`, params, options)
  }

  /**
   * One POST /usage-events/bulk after the strict shared schema (a `Date` usageDate becomes epoch
   * ms). Returns only the newly created events: duplicates are left out by the API.
   */
  async bulkCreateUsageEvents(
    params: { usageEvents: UsageEventInput[] },
    options?: RequestOptions,
  ): Promise<BulkUsageEventsResponse> {
    const usageEvents = parseUsageEvents(params)
    return this.#client.post(apiPath`/usage-events/bulk`, { usageEvents }, options)
  }

  async getUsageEvent(id: string, options?: RequestOptions): Promise<{ usageEvent: UsageEvent }> {
    return this.#client.get(apiPath`/usage-events/${id}`, {}, options)
  }

  // Resources (the pricing model's claimable capacity)
  async listResources(options?: RequestOptions): Promise<{ resources: Resource[] }> {
    return this.#client.get(apiPath`/resources`, {}, options)
  }

  async getResource(id: string, options?: RequestOptions): Promise<{ resource: Resource }> {
    return this.#client.get(apiPath`/resources/${id}`, {}, options)
  }

  async createResource(
    params: { resource: Pick<Resource, 'slug' | 'name'> & { active?: boolean } },
    options?: RequestOptions,
  ): Promise<{ resource: Resource }> {
    return this.#client.post(apiPath`/resources`, params, options)
  }

  async updateResource(
    id: string,
    params: { resource: Partial<Pick<Resource, 'slug' | 'name' | 'active'>> },
    options?: RequestOptions,
  ): Promise<{ resource: Resource }> {
    const path = apiPath`/resources/${id}`
    return this.#client.put(path, { resource: { ...params?.resource, id } }, options)
  }

  // Resource claims of any subscription of the organisation (no ownership check). Inputs go
  // through the same shared schemas as `FlowgladServer`'s: bad input sends nothing.
  async getResourceUsages(
    subscriptionId: string,
    options?: RequestOptions,
  ): Promise<GetResourcesResponse> {
    return resourceClaims.fetchResourceUsages(this.#client, subscriptionId, options)
  }

  async getResourceUsage(
    subscriptionId: string,
    params: ResourceIdentifier,
    options?: RequestOptions,
  ): Promise<GetResourceUsageResponse> {
    return resourceClaims.fetchResourceUsage(
      this.#client,
      subscriptionId,
      resourceClaims.parseUsageQuery(params),
      options,
    )
  }

  async claimResource(
    subscriptionId: string,
    params: ClaimResourceBody,
    options?: RequestOptions,
  ): Promise<ClaimResourceResponse> {
    return resourceClaims.postClaim(
      this.#client,
      subscriptionId,
      resourceClaims.parseClaim(params),
      options,
    )
  }

  async releaseResource(
    subscriptionId: string,
    params: ReleaseResourceBody,
    options?: RequestOptions,
  ): Promise<ReleaseResourceResponse> {
    return resourceClaims.postRelease(
      this.#client,
      subscriptionId,
      resourceClaims.parseRelease(params),
      options,
    )
  }

  async listResourceClaims(
    subscriptionId: string,
    params: { resourceSlug?: string } = {},
    options?: RequestOptions,
  ): Promise<ListResourceClaimsResponse> {
    return resourceClaims.fetchClaims(
      this.#client,
      subscriptionId,
      resourceClaims.parseClaimsQuery(params),
      options,
    )
  }
}
