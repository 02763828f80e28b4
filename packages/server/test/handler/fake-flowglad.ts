import { type CustomerBillingDetails, FlowgladError, withBillingChecks } from '@flowglad/shared'
import type { FlowgladServerLike } from '../../src/handler/types.js'

/** Names of the fake's methods, for call logs. */
export type FakeMethod = keyof FlowgladServerLike

/** Same parameters as the real methods; results are partial objects, enough for the handlers. */
type LooseServer = {
  [K in FakeMethod]-?: (...args: Parameters<NonNullable<FlowgladServerLike[K]>>) => Promise<unknown>
}

export interface FakeFlowgladOptions {
  currentSubscriptionIds?: string[]
  /** Makes every method throw this (to test error mapping). */
  failWith?: unknown
}

/**
 * An in-memory stand-in for the customer-scoped FlowgladServer: records every call, owns the
 * given subscriptions, and refuses others with `forbidden` exactly like the real one.
 */
export function createFakeFlowglad(customerExternalId: string, options: FakeFlowgladOptions = {}) {
  const owned = options.currentSubscriptionIds ?? ['sub_own']
  const calls: { method: FakeMethod; args: unknown[] }[] = []
  const record = (method: FakeMethod, args: unknown[]) => {
    calls.push({ method, args })
    if (options.failWith !== undefined) throw options.failWith
  }
  const assertOwns = (id: string) => {
    if (!owned.includes(id)) {
      throw new FlowgladError('forbidden', `Subscription ${id} is not among the customer's own`)
    }
  }
  const customer = { id: `cust_${customerExternalId}`, externalId: customerExternalId }
  const subscription = (id: string, status: string) => ({ id, status, customerId: customer.id })
  const checkout = (type: string) => ({
    checkoutSession: { id: `chckt_${type}`, type },
    url: `https://checkout.test/${type}`,
  })

  const price = (slug: string, unitPrice: number, type = 'subscription') => ({
    id: `price_${slug}`,
    slug,
    unitPrice,
    type,
  })
  const pricingModel = {
    id: 'pm_1',
    products: [
      { slug: 'free', prices: [price('free', 0)] },
      { slug: 'pro', prices: [price('pro_monthly', 2000)] },
    ],
    usageMeters: [{ slug: 'ai_tokens', prices: [price('ai_tokens_price', 0, 'usage')] }],
  }

  const seats = {
    resourceSlug: 'seats',
    resourceId: 'res_seats',
    capacity: 5,
    claimed: 1,
    available: 4,
  }

  const fake = {
    calls,
    async getBilling() {
      record('getBilling', [])
      const billing = {
        customer,
        subscriptions: owned.map((id) => subscription(id, 'active')),
        currentSubscriptions: owned.map((id) => subscription(id, 'active')),
        invoices: [],
        paymentMethods: [],
        purchases: [],
        pricingModel,
        catalog: pricingModel,
        billingPortalUrl: 'https://billing.test',
      } as unknown as CustomerBillingDetails
      return withBillingChecks(billing)
    },
    async findOrCreateCustomer() {
      record('findOrCreateCustomer', [])
      return customer
    },
    async updateCustomer(params) {
      record('updateCustomer', [params])
      return { customer: { ...customer, ...params.customer } }
    },
    async createCheckoutSession(params) {
      record('createCheckoutSession', [params])
      return checkout('product')
    },
    async createAddPaymentMethodCheckoutSession(params) {
      record('createAddPaymentMethodCheckoutSession', [params])
      if (params.targetSubscriptionId) assertOwns(params.targetSubscriptionId)
      return checkout('add_payment_method')
    },
    async createActivateSubscriptionCheckoutSession(params) {
      record('createActivateSubscriptionCheckoutSession', [params])
      assertOwns(params.targetSubscriptionId)
      return checkout('activate_subscription')
    },
    async cancelSubscription(params) {
      record('cancelSubscription', [params])
      assertOwns(params.id)
      return { subscription: subscription(params.id, 'cancellation_scheduled') }
    },
    async uncancelSubscription(params) {
      record('uncancelSubscription', [params])
      assertOwns(params.id)
      return { subscription: subscription(params.id, 'active') }
    },
    async createSubscription(params) {
      record('createSubscription', [params])
      return { subscription: subscription('sub_new', 'active') }
    },
    async adjustSubscription(params) {
      record('adjustSubscription', [params])
      const id = params.subscriptionId ?? owned[0] ?? 'sub_none'
      assertOwns(id)
      return {
        subscription: subscription(id, 'active'),
        subscriptionItems: [],
        isUpgrade: true,
        resolvedTiming: 'immediately',
      }
    },
    async getRequestingCustomerId() {
      record('getRequestingCustomerId', [])
      return customerExternalId
    },
    async createUsageEvent(params) {
      record('createUsageEvent', [params])
      assertOwns(params.subscriptionId)
      return { usageEvent: { id: 'usage_event_1', ...params } }
    },
    async getUsageMeterBalances(params) {
      record('getUsageMeterBalances', [params])
      if (params.subscriptionId) assertOwns(params.subscriptionId)
      return { usageMeterBalances: [{ slug: 'ai_tokens', availableBalance: 10 }] }
    },
    async getOwnedSubscriptions() {
      record('getOwnedSubscriptions', [])
      return { currentSubscriptionId: owned[0] ?? null, currentSubscriptionIds: owned }
    },
    async assertOwnsSubscription(id) {
      record('assertOwnsSubscription', [id])
      assertOwns(id)
    },
    async getResourceUsages(params) {
      record('getResourceUsages', [params])
      assertOwns(params.subscriptionId ?? owned[0] ?? 'sub_none')
      return { resources: [seats] }
    },
    async getResourceUsage(params) {
      record('getResourceUsage', [params])
      assertOwns(params.subscriptionId ?? owned[0] ?? 'sub_none')
      return { usage: seats, claims: [] }
    },
    async claimResource(params) {
      record('claimResource', [params])
      assertOwns(params.subscriptionId ?? owned[0] ?? 'sub_none')
      return { claims: [], usage: seats }
    },
    async releaseResource(params) {
      record('releaseResource', [params])
      assertOwns(params.subscriptionId ?? owned[0] ?? 'sub_none')
      return { releasedClaims: [], usage: seats }
    },
    async listResourceClaims(params) {
      record('listResourceClaims', [params])
      assertOwns(params.subscriptionId ?? owned[0] ?? 'sub_none')
      return { claims: [] }
    },
  } satisfies LooseServer & { calls: unknown[] }
  return fake as unknown as FlowgladServerLike & { calls: typeof calls }
}
