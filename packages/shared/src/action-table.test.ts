import { describe, expect, expectTypeOf, it } from 'vitest'
import { FlowgladActionKey } from './action-keys.js'
import {
  type FlowgladActionTable,
  flowgladActions,
  flowgladActionValidators,
} from './action-table.js'
import {
  type AuthenticatedActionKey,
  actionURL,
  flowgladRoutes,
  type HybridActionKey,
  isFlowgladActionKey,
  isHybridActionKey,
} from './route-manifest.js'

const upstreamKeys = {
  GetCustomerBilling: 'customers/billing',
  FindOrCreateCustomer: 'customers/find-or-create',
  UpdateCustomer: 'customers/update',
  CreateCheckoutSession: 'checkout-sessions/create',
  CreateAddPaymentMethodCheckoutSession: 'checkout-sessions/create-add-payment-method',
  CreateActivateSubscriptionCheckoutSession: 'checkout-sessions/create-activate-subscription',
  CancelSubscription: 'subscriptions/cancel',
  UncancelSubscription: 'subscriptions/uncancel',
  CreateSubscription: 'subscriptions/create',
  CreateUsageEvent: 'usage-events/create',
  GetUsageMeterBalances: 'usage-meters/balances',
  AdjustSubscription: 'subscriptions/adjust',
  GetPricingModel: 'pricing-models/retrieve',
  // Upstream's next release (HEAD).
  GetSubscriptions: 'subscriptions/list',
  GetFeatureAccess: 'features/access',
  GetPaymentMethods: 'payment-methods/list',
  GetCustomerDetails: 'customerDetails',
  GetInvoices: 'invoices/list',
  GetPurchases: 'purchases/list',
  // Upstream 0.18's resource claims.
  GetResourceUsages: 'resources/usages',
  GetResourceUsage: 'resources/usages/retrieve',
  ClaimResource: 'resources/claim',
  ReleaseResource: 'resources/release',
  ListResourceClaims: 'resources/claims',
}

describe('action table', () => {
  it('has the upstream member names and values', () => {
    expect(FlowgladActionKey).toEqual(upstreamKeys)
  })

  it('covers every key, at the type level and at run time', () => {
    expectTypeOf<keyof FlowgladActionTable>().toEqualTypeOf<FlowgladActionKey>()
    expectTypeOf<keyof typeof flowgladRoutes>().toEqualTypeOf<FlowgladActionKey>()
    expect(Object.keys(flowgladActions).sort()).toEqual(Object.values(FlowgladActionKey).sort())
    expect(Object.keys(flowgladActionValidators).sort()).toEqual(
      Object.values(FlowgladActionKey).sort(),
    )
  })

  it('entries carry path, POST method, a schema and the auth flag', () => {
    for (const [key, action] of Object.entries(flowgladActions)) {
      expect(action.path).toBe(key)
      expect(action.method).toBe('POST')
      expect(action.requiresCustomer).toBe(key !== 'pricing-models/retrieve')
      expect(typeof action.inputSchema.safeParse).toBe('function')
    }
  })

  it('pricing-models/retrieve is the only hybrid key, at run time and in the types', () => {
    const hybrid = Object.values(FlowgladActionKey).filter((key) => isHybridActionKey(key))
    expect(hybrid).toEqual(['pricing-models/retrieve'])
    expect(isHybridActionKey('customers/billing')).toBe(false)
    expect(isHybridActionKey('nope')).toBe(false)
    expectTypeOf<HybridActionKey>().toEqualTypeOf<'pricing-models/retrieve'>()
    expectTypeOf<AuthenticatedActionKey>().toEqualTypeOf<
      Exclude<FlowgladActionKey, 'pricing-models/retrieve'>
    >()
  })

  it('the route table is derived in key order; only the claim routes mark a claimed externalId', () => {
    expect(Object.keys(flowgladRoutes)).toEqual(Object.values(FlowgladActionKey))
    const claimRoutes = Object.values(flowgladRoutes).filter(
      (route) => 'externalIdNamesClaim' in route,
    )
    expect(claimRoutes).toEqual([
      {
        path: 'resources/claim',
        method: 'POST',
        requiresCustomer: true,
        externalIdNamesClaim: true,
      },
      {
        path: 'resources/release',
        method: 'POST',
        requiresCustomer: true,
        externalIdNamesClaim: true,
      },
    ])
    expect(flowgladRoutes['customers/billing']).toEqual({
      path: 'customers/billing',
      method: 'POST',
      requiresCustomer: true,
    })
    expectTypeOf(flowgladRoutes['resources/claim'].externalIdNamesClaim).toEqualTypeOf<true>()
    expectTypeOf(flowgladRoutes['pricing-models/retrieve'].requiresCustomer).toEqualTypeOf<false>()
  })

  it('usage-events/create uses the client schema (defaults left to the handler)', () => {
    expect(
      flowgladActions['usage-events/create'].inputSchema.safeParse({ usageMeterSlug: 'x' }).success,
    ).toBe(true)
  })

  it('recognises keys and builds URLs', () => {
    expect(isFlowgladActionKey('usage-events/create')).toBe(true)
    expect(isFlowgladActionKey('usage-events/delete')).toBe(false)
    expect(isFlowgladActionKey('__proto__')).toBe(false)
    expect(actionURL('usage-events/create')).toBe('/api/flowglad/usage-events/create')
    expect(actionURL('customers/billing', 'https://app.test/')).toBe(
      'https://app.test/api/flowglad/customers/billing',
    )
  })
})
