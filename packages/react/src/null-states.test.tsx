// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest'
import { deferred, envelope, errorEnvelope, routeFetch } from '../test/route-fetch.js'
import type { BillingActions } from './billing-actions.js'
import type { FlowgladContextValues } from './context-values.js'
import { FlowgladProvider, type FlowgladProviderLiveProps } from './provider.js'
import { useBilling } from './use-billing.js'

afterEach(cleanup)

const arrays = ['subscriptions', 'currentSubscriptions', 'invoices', 'paymentMethods', 'purchases']
const functions = [
  'checkFeatureAccess',
  'checkUsageBalance',
  'getProduct',
  'getPrice',
  'hasPurchased',
  'reload',
  'createCheckoutSession',
  'createAddPaymentMethodCheckoutSession',
  'createActivateSubscriptionCheckoutSession',
  'cancelSubscription',
  'uncancelSubscription',
  'adjustSubscription',
  'createUsageEvent',
] as const

const held = deferred<Response>()
const route = routeFetch({
  'customers/billing': () => held.promise,
  'usage-events/create': () => envelope({ usageEvent: { id: 'ue_1' } }),
})
const failing = routeFetch({
  'customers/billing': () =>
    errorEnvelope({ code: 'unauthenticated', json: { message: 'no' } }, 401),
})

function inProvider(props: Omit<FlowgladProviderLiveProps, 'children'>) {
  return ({ children }: { children: ReactNode }) => (
    <FlowgladProvider {...props}>{children}</FlowgladProvider>
  )
}

const recorded = { usageEvent: { id: 'ue_1' } }
const live = { requestConfig: { fetch: route.fetch } }

// name, provider props (none: outside a provider), loaded, errors, createUsageEvent's answer
const states: Array<[string, Partial<FlowgladProviderLiveProps> | null, boolean, boolean, object]> =
  [
    ['outside a provider', null, false, false, { error: { code: 'provider_missing' } }],
    ['pending, no prop (0.17+)', live, false, false, recorded],
    ['pending, loadBilling={true}', { ...live, loadBilling: true }, false, false, recorded],
    ['disabled, loadBilling={false}', { ...live, loadBilling: false }, true, false, recorded],
    [
      'error',
      { requestConfig: { fetch: failing.fetch } },
      true,
      true,
      { error: { code: 'not_found' } },
    ],
  ]

describe('before billing has loaded, arrays are [] and every action is callable', () => {
  for (const [name, props, loaded, errors, usageAnswer] of states) {
    it(name, async () => {
      const { result } = renderHook(() => useBilling(), props ? { wrapper: inProvider(props) } : {})
      if (errors) await waitFor(() => expect(result.current.errors).not.toBeNull())
      const billing = result.current as unknown as Record<string, unknown>
      expect(billing.loaded).toBe(loaded)
      for (const key of arrays) expect(billing[key], key).toEqual([])
      for (const key of functions) expect(typeof billing[key], key).toBe('function')
      expect(result.current.checkFeatureAccess('x')).toBe(false)
      expect(result.current.checkUsageBalance('x')).toBeNull()
      expect(result.current.getProduct('x')).toBeNull()
      expect(result.current.getPrice('x')).toBeNull()
      expect(result.current.hasPurchased('x')).toBe(false)
      // Actions resolve to a result or an { error }, in every state: none throws or is missing.
      const usage = await result.current.createUsageEvent({ usageMeterSlug: 'ai_tokens' })
      expect(usage).toMatchObject(usageAnswer)
      expect(result.current.reload()).toBeInstanceOf(Promise)
    })
  }
})

describe('the types say the same, for every state of the union', () => {
  it('arrays are arrays (never null) and actions are functions (never null)', () => {
    type Values = FlowgladContextValues
    expectTypeOf<Values['subscriptions']>().toExtend<readonly unknown[]>()
    expectTypeOf<Values['currentSubscriptions']>().toExtend<readonly unknown[]>()
    expectTypeOf<Values['invoices']>().toExtend<readonly unknown[]>()
    expectTypeOf<Values['paymentMethods']>().toExtend<readonly unknown[]>()
    expectTypeOf<Values['purchases']>().toExtend<readonly unknown[]>()
    expectTypeOf<Values>().toExtend<BillingActions>()
    expectTypeOf<Values['checkUsageBalance']>().toBeFunction()
    expectTypeOf<Values['getPrice']>().toBeFunction()
  })
})
