// @vitest-environment happy-dom
import type { CustomerBillingDetails } from '@flowglad/shared/browser'
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { billingFixture, subscriptionFixture } from '../test/billing-fixture.js'
import { devWrapper, liveWrapper } from '../test/hook-wrapper.js'
import { deferred, envelope, errorEnvelope, routeFetch } from '../test/route-fetch.js'
import {
  CUSTOMER_DETAILS_QUERY_KEY,
  FEATURES_QUERY_KEY,
  INVOICES_QUERY_KEY,
  PAYMENT_METHODS_QUERY_KEY,
  PURCHASES_QUERY_KEY,
  RESOURCE_CLAIMS_QUERY_KEY,
  RESOURCES_QUERY_KEY,
  SUBSCRIPTIONS_QUERY_KEY,
} from './query-keys.js'
import { useCustomerDetails } from './use-customer-details.js'
import { useFeature, useFeatures } from './use-features.js'
import { useInvoices } from './use-invoices.js'
import { usePaymentMethods } from './use-payment-methods.js'
import { usePurchases } from './use-purchases.js'
import { useSubscription } from './use-subscription.js'
import { useSubscriptions } from './use-subscriptions.js'

afterEach(cleanup)

const current = subscriptionFixture('sub_1')
const old = subscriptionFixture('sub_0', { current: false, status: 'canceled' })
const feature = { id: 'fi_1', livemode: false, slug: 'advanced_models', name: 'Advanced' }
const paymentMethod = { id: 'pm_card' } as CustomerBillingDetails['paymentMethods'][number]
const invoice = (id: string) =>
  ({
    invoice: { id },
    invoiceLineItems: [],
  }) as unknown as CustomerBillingDetails['invoices'][number]
const purchase = (id: string, name: string) =>
  ({ id, name }) as CustomerBillingDetails['purchases'][number]
const mocks = billingFixture({
  subscriptions: [current, old],
  paymentMethods: [paymentMethod],
  invoices: [invoice('inv_1'), invoice('inv_2'), invoice('inv_3')],
  purchases: [purchase('pur_1', 'Lifetime'), purchase('pur_2', 'Credits')],
})
const customerDetails = {
  id: 'cus_1',
  livemode: false,
  email: 'a@x.test',
  name: 'A',
  externalId: 'user_a',
  createdAt: new Date(1_700_000_000_000).toISOString(),
  updatedAt: new Date(1_700_000_000_000).toISOString(),
}

interface Case {
  name: string
  key: string
  data: object
  use: () => Record<string, unknown>
  /** The hook's data fields once loaded from `data`. */
  loaded: Record<string, unknown>
  /** The hook's data fields before an answer (and after an error). */
  empty: Record<string, unknown>
  /** The hook's data fields in dev mode with `mocks`. */
  dev: Record<string, unknown>
}

const subscriptionsData = {
  subscriptions: [current],
  currentSubscriptions: [current],
  currentSubscription: current,
}

const cases: Case[] = [
  {
    name: 'useSubscriptions',
    key: 'subscriptions/list',
    data: subscriptionsData,
    use: () => ({ ...useSubscriptions() }),
    loaded: subscriptionsData,
    empty: {
      subscriptions: undefined,
      currentSubscriptions: undefined,
      currentSubscription: undefined,
    },
    dev: subscriptionsData,
  },
  {
    name: 'useSubscriptions({ includeHistorical })',
    key: 'subscriptions/list',
    data: { ...subscriptionsData, subscriptions: [current, old] },
    use: () => ({ ...useSubscriptions({ includeHistorical: true }) }),
    loaded: { ...subscriptionsData, subscriptions: [current, old] },
    empty: { subscriptions: undefined },
    dev: { ...subscriptionsData, subscriptions: [current, old] },
  },
  {
    name: 'useSubscription',
    key: 'subscriptions/list',
    data: subscriptionsData,
    use: () => ({ ...useSubscription() }),
    loaded: { subscription: current },
    empty: { subscription: undefined },
    dev: { subscription: current },
  },
  {
    name: 'useFeatures',
    key: 'features/access',
    data: { features: [feature] },
    use: () => ({ ...useFeatures() }),
    loaded: { features: [feature] },
    empty: { features: undefined },
    dev: { features: [feature] },
  },
  {
    name: 'useFeature',
    key: 'features/access',
    data: { features: [feature] },
    use: () => ({ ...useFeature('advanced_models') }),
    loaded: { feature, hasAccess: true },
    empty: { feature: null, hasAccess: false },
    dev: { feature, hasAccess: true },
  },
  {
    name: 'usePaymentMethods',
    key: 'payment-methods/list',
    data: { paymentMethods: [paymentMethod], billingPortalUrl: 'https://portal.example' },
    use: () => ({ ...usePaymentMethods() }),
    loaded: { paymentMethods: [paymentMethod], billingPortalUrl: 'https://portal.example' },
    empty: { paymentMethods: undefined, billingPortalUrl: undefined },
    dev: { paymentMethods: [paymentMethod], billingPortalUrl: mocks.billingPortalUrl },
  },
  {
    name: 'useCustomerDetails',
    key: 'customerDetails',
    data: { customer: customerDetails },
    use: () => ({ ...useCustomerDetails() }),
    loaded: { customer: customerDetails },
    empty: { customer: undefined },
    dev: { customer: customerDetails },
  },
  {
    name: 'useInvoices({ startingAfter, limit })',
    key: 'invoices/list',
    data: { invoices: [invoice('inv_2')] },
    use: () => ({ ...useInvoices({ startingAfter: 'inv_1', limit: 1 }) }),
    loaded: { invoices: [invoice('inv_2')] },
    empty: { invoices: undefined },
    dev: { invoices: [invoice('inv_2')] },
  },
  {
    name: 'usePurchases',
    key: 'purchases/list',
    data: { purchases: [purchase('pur_1', 'Lifetime'), purchase('pur_2', 'Credits')] },
    use: () => ({ ...usePurchases() }),
    loaded: { purchases: [purchase('pur_1', 'Lifetime'), purchase('pur_2', 'Credits')] },
    empty: { purchases: undefined },
    dev: { purchases: [purchase('pur_1', 'Lifetime'), purchase('pur_2', 'Credits')] },
  },
]

describe.each(cases)('$name', ({ key, data, use, loaded, empty, dev }) => {
  it('loading → loaded, one POST to its route', async () => {
    const held = deferred<Response>()
    const route = routeFetch({ [key]: () => held.promise })
    const { result } = renderHook(use, { wrapper: liveWrapper(route.fetch) })
    expect(result.current).toMatchObject({ ...empty, isLoading: true, error: null })
    await act(async () => held.resolve(envelope(data)))
    expect(result.current).toMatchObject({ ...loaded, isLoading: false, error: null })
    expect(route.seen.map((request) => [request.key, request.method])).toEqual([[key, 'POST']])
  })

  it('error: not loading, the route error as an Error', async () => {
    const route = routeFetch({
      [key]: () => errorEnvelope({ code: 'Validation error', json: { message: 'bad input' } }, 400),
    })
    const { result } = renderHook(use, { wrapper: liveWrapper(route.fetch) })
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    expect(result.current).toMatchObject({
      ...empty,
      error: { message: 'bad input', code: 'Validation error' },
    })
  })

  it('dev mode: derived from billingMocks on the first render', () => {
    const { result } = renderHook(use, { wrapper: devWrapper(mocks) })
    expect(result.current).toMatchObject({ ...dev, isLoading: false, error: null })
  })
})

describe('the read hooks', () => {
  it("query-key constants carry upstream's values", () => {
    expect([
      SUBSCRIPTIONS_QUERY_KEY,
      FEATURES_QUERY_KEY,
      PAYMENT_METHODS_QUERY_KEY,
      CUSTOMER_DETAILS_QUERY_KEY,
      INVOICES_QUERY_KEY,
      PURCHASES_QUERY_KEY,
      RESOURCES_QUERY_KEY,
      RESOURCE_CLAIMS_QUERY_KEY,
    ]).toEqual([
      'flowglad-subscriptions',
      'flowglad-features',
      'flowglad-payment-methods',
      'flowglad-customer-details',
      'flowglad-invoices',
      'flowglad-purchases',
      'flowglad-resources',
      'flowglad-resource-claims',
    ])
  })

  it('usePurchases().hasPurchased matches by purchase name', async () => {
    const { result } = renderHook(() => usePurchases(), { wrapper: devWrapper(mocks) })
    expect(result.current.hasPurchased('Lifetime')).toBe(true)
    expect(result.current.hasPurchased('pur_1')).toBe(false)
  })

  it('useFeature: no access to a slug the customer lacks', () => {
    const { result } = renderHook(() => useFeature('nope'), { wrapper: devWrapper(mocks) })
    expect(result.current).toMatchObject({ feature: null, hasAccess: false })
  })

  it('useSubscription actions target the current subscription and refresh mounted hooks', async () => {
    const route = routeFetch({
      'subscriptions/list': () => envelope(subscriptionsData),
      'subscriptions/cancel': (body) =>
        envelope({ subscription: subscriptionFixture(String(body.id)) }),
      'subscriptions/adjust': (body) =>
        envelope({
          subscription: subscriptionFixture(String(body.subscriptionId)),
          subscriptionItems: [],
          isUpgrade: true,
          resolvedTiming: 'immediately',
        }),
      'customers/billing': () => envelope(billingFixture()),
    })
    const { result } = renderHook(() => useSubscription(), { wrapper: liveWrapper(route.fetch) })
    await waitFor(() => expect(result.current.subscription).toEqual(current))
    await act(async () => {
      await result.current.cancel({ cancellation: { timing: 'immediately' } })
      await result.current.adjust({ priceSlug: 'team' })
    })
    const bodies = Object.fromEntries(route.seen.map((request) => [request.key, request.body]))
    expect(bodies['subscriptions/cancel']).toEqual({
      cancellation: { timing: 'immediately' },
      id: 'sub_1',
    })
    expect(bodies['subscriptions/adjust']).toEqual({ priceSlug: 'team', subscriptionId: 'sub_1' })
    expect(route.seen.filter((request) => request.key === 'subscriptions/list')).toHaveLength(3)
  })

  it('useSubscription without a current subscription: actions answer missing_subscription_id', async () => {
    const route = routeFetch({
      'subscriptions/list': () =>
        envelope({ subscriptions: [], currentSubscriptions: [], currentSubscription: null }),
    })
    const { result } = renderHook(() => useSubscription(), { wrapper: liveWrapper(route.fetch) })
    await waitFor(() => expect(result.current.subscription).toBeNull())
    expect(await result.current.adjust({ priceSlug: 'team' })).toMatchObject({
      error: { code: 'missing_subscription_id' },
    })
    expect(route.seen).toHaveLength(1)
  })
})
