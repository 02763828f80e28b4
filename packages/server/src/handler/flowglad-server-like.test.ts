import { describe, expect, it } from 'vitest'
import { FlowgladServer } from '../server/flowglad-server.js'
import type { FlowgladServerLike } from './types.js'

describe('FlowgladServerLike', () => {
  it('is satisfied by the real FlowgladServer (so apps can pass it to the handler)', () => {
    // Compile-time half: fails `tsc` if the real class drifts from what the handlers use.
    const asLike = (server: FlowgladServer): FlowgladServerLike => server
    expect(typeof asLike).toBe('function')
    const methods: (keyof FlowgladServerLike)[] = [
      'getBilling',
      'findOrCreateCustomer',
      'updateCustomer',
      'createCheckoutSession',
      'createAddPaymentMethodCheckoutSession',
      'createActivateSubscriptionCheckoutSession',
      'cancelSubscription',
      'uncancelSubscription',
      'createSubscription',
      'createUsageEvent',
      'getUsageMeterBalances',
      'getOwnedSubscriptions',
      'assertOwnsSubscription',
      'getResourceUsages',
      'getResourceUsage',
      'claimResource',
      'releaseResource',
      'listResourceClaims',
    ]
    for (const method of methods) expect(typeof FlowgladServer.prototype[method]).toBe('function')
  })
})
