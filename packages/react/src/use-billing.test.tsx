// @vitest-environment happy-dom
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { billingFixture } from '../test/billing-fixture.js'
import { deferred, envelope, errorEnvelope, routeFetch } from '../test/route-fetch.js'
import {
  FlowgladProvider,
  type FlowgladProviderDevProps,
  type FlowgladProviderLiveProps,
  type FlowgladProviderProps,
} from './provider.js'
import { useBilling } from './use-billing.js'

type ProviderOptions =
  | Omit<FlowgladProviderLiveProps, 'children'>
  | Omit<FlowgladProviderDevProps, 'children'>

afterEach(cleanup)

function wrapperFor(props: ProviderOptions) {
  return ({ children }: { children: ReactNode }) => (
    <FlowgladProvider {...(props as FlowgladProviderProps)}>{children}</FlowgladProvider>
  )
}

const nullData = {
  customer: null,
  subscriptions: [],
  currentSubscription: null,
  currentSubscriptions: [],
  catalog: null,
  pricingModel: null,
  invoices: [],
  paymentMethods: [],
  purchases: [],
  billingPortalUrl: null,
}

describe('useBilling states', () => {
  it('outside a provider: not loaded, null data, actions answer provider_missing', async () => {
    const { result } = renderHook(() => useBilling())
    expect(result.current).toMatchObject({
      ...nullData,
      loaded: false,
      loadBilling: false,
      errors: null,
    })
    expect(await result.current.createUsageEvent({ usageMeterSlug: 'a' })).toMatchObject({
      error: { code: 'provider_missing' },
    })
  })

  it('pending → loaded with every billing field and the checks', async () => {
    const held = deferred<Response>()
    const route = routeFetch({ 'customers/billing': () => held.promise })
    const { result } = renderHook(() => useBilling(), {
      wrapper: wrapperFor({ requestConfig: { fetch: route.fetch } }),
    })
    expect(result.current).toMatchObject({
      ...nullData,
      loaded: false,
      loadBilling: true,
      errors: null,
    })
    await act(async () => held.resolve(envelope(billingFixture())))
    const billing = result.current
    if (!billing.loaded || billing.errors || !billing.loadBilling) throw new Error('not loaded')
    const fixture = billingFixture()
    expect(billing.customer).toEqual(fixture.customer)
    expect(billing.subscriptions).toEqual(fixture.subscriptions)
    expect(billing.currentSubscription?.id).toBe('sub_1')
    expect(billing.currentSubscriptions).toHaveLength(1)
    expect(billing.catalog).toEqual(fixture.catalog)
    expect(billing.pricingModel).toEqual(fixture.pricingModel)
    expect(billing.invoices).toEqual([])
    expect(billing.paymentMethods).toEqual([])
    expect(billing.purchases).toEqual([])
    expect(billing.billingPortalUrl).toBe('https://billing.example/portal')
    expect(billing.checkFeatureAccess('advanced_models')).toBe(true)
    expect(billing.checkFeatureAccess('missing')).toBe(false)
    expect(billing.checkUsageBalance('ai_tokens')).toEqual({ availableBalance: 1000 })
    expect(billing.getProduct('pro')?.id).toBe('prod_pro')
    expect(billing.getPrice('pro_monthly')?.id).toBe('price_pro')
    expect(billing.hasPurchased('pro')).toBe(false)
    expect(route.seen).toHaveLength(1)
  })

  it('loadBilling={false}: loaded, no request, actions still work', async () => {
    const route = routeFetch({ 'usage-events/create': () => envelope({ usageEvent: { id: 'u' } }) })
    const { result } = renderHook(() => useBilling(), {
      wrapper: wrapperFor({ loadBilling: false, requestConfig: { fetch: route.fetch } }),
    })
    expect(result.current).toMatchObject({
      ...nullData,
      loaded: true,
      loadBilling: false,
      errors: null,
    })
    expect(await result.current.createUsageEvent({ usageMeterSlug: 'a' })).toEqual({
      usageEvent: { id: 'u' },
    })
    expect(route.seen.map((request) => request.key)).toEqual(['usage-events/create'])
  })

  it('error: loaded with errors and null data; reload() recovers', async () => {
    let fail = true
    const route = routeFetch({
      'customers/billing': () =>
        fail
          ? errorEnvelope({ code: 'unauthenticated', json: { message: 'sign in' } }, 401)
          : envelope(billingFixture()),
    })
    const { result } = renderHook(() => useBilling(), {
      wrapper: wrapperFor({ requestConfig: { fetch: route.fetch } }),
    })
    await waitFor(() => expect(result.current.errors).not.toBeNull())
    expect(result.current).toMatchObject({ ...nullData, loaded: true, loadBilling: true })
    expect(result.current.errors?.[0]?.message).toBe('sign in')
    fail = false
    await act(() => result.current.reload())
    expect(result.current.errors).toBeNull()
    expect(result.current.customer?.id).toBe('cus_1')
  })

  it('reload() shows new balances', async () => {
    let balance = 1000
    const route = routeFetch({
      'customers/billing': () => {
        const billing = billingFixture()
        const balances = billing.currentSubscriptions?.[0]?.experimental?.usageMeterBalances ?? []
        for (const entry of balances) entry.availableBalance = balance
        return envelope(billing)
      },
    })
    const { result } = renderHook(() => useBilling(), {
      wrapper: wrapperFor({ requestConfig: { fetch: route.fetch } }),
    })
    await waitFor(() => expect(result.current.loaded).toBe(true))
    expect(result.current.checkUsageBalance('ai_tokens')).toEqual({ availableBalance: 1000 })
    balance = 400
    await act(() => result.current.reload())
    expect(result.current.checkUsageBalance('ai_tokens')).toEqual({ availableBalance: 400 })
  })

  it('sends requestConfig headers and the baseURL, with JSON Content-Type', async () => {
    const route = routeFetch({ 'customers/billing': () => envelope(billingFixture()) })
    const { result } = renderHook(() => useBilling(), {
      wrapper: wrapperFor({
        baseURL: 'https://app.example',
        requestConfig: { headers: { 'x-app': '1' }, fetch: route.fetch },
      }),
    })
    await waitFor(() => expect(result.current.loaded).toBe(true))
    expect(route.seen[0]?.url).toBe('https://app.example/api/flowglad/customers/billing')
    expect(route.seen[0]?.headers.get('x-app')).toBe('1')
    expect(route.seen[0]?.headers.get('content-type')).toBe('application/json')
  })

  it('uses the global fetch when requestConfig has none', async () => {
    const route = routeFetch({ 'customers/billing': () => envelope(billingFixture()) })
    const spy = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation((input, init) => route.fetch(String(input), init ?? {}))
    try {
      const { result } = renderHook(() => useBilling(), { wrapper: wrapperFor({}) })
      await waitFor(() => expect(result.current.loaded).toBe(true))
      expect(spy).toHaveBeenCalledTimes(1)
      expect(route.seen[0]?.url).toBe('/api/flowglad/customers/billing')
    } finally {
      spy.mockRestore()
    }
  })

  it('two consumers share one billing request', async () => {
    const route = routeFetch({ 'customers/billing': () => envelope(billingFixture()) })
    function Name() {
      const billing = useBilling()
      return <span>{billing.customer?.name ?? '…'}</span>
    }
    render(
      <FlowgladProvider requestConfig={{ fetch: route.fetch }}>
        <Name />
        <Name />
      </FlowgladProvider>,
    )
    await waitFor(() => expect(screen.getAllByText('A')).toHaveLength(2))
    expect(route.seen).toHaveLength(1)
  })

  it('throws for a baseURL that is neither absolute nor /-relative', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() =>
      renderHook(() => useBilling(), { wrapper: wrapperFor({ baseURL: 'app.example' }) }),
    ).toThrow(/baseURL/)
    vi.restoreAllMocks()
  })
})

describe('dev mode', () => {
  const mocks = billingFixture()

  it('is loaded from billingMocks on first render and never fetches', async () => {
    const spy = vi.spyOn(globalThis, 'fetch')
    try {
      const { result } = renderHook(() => useBilling(), {
        wrapper: wrapperFor({ __devMode: true, billingMocks: mocks }),
      })
      expect(result.current.loaded).toBe(true)
      expect(result.current.customer?.id).toBe('cus_1')
      expect(await result.current.createUsageEvent({ usageMeterSlug: 'a' })).toEqual({
        usageEvent: { id: 'dev-usage-event-id' },
      })
      const urls = { successUrl: 'https://a.example/s', cancelUrl: 'https://a.example/c' }
      expect(
        await result.current.createCheckoutSession({
          ...urls,
          priceSlug: 'pro',
          autoRedirect: true,
        }),
      ).toEqual({ id: 'checkout-session-id', url: '' })
      await act(() => result.current.reload())
      expect(spy).not.toHaveBeenCalled()
    } finally {
      spy.mockRestore()
    }
  })

  it('cancel/uncancel answer the mock subscription with the new status, or not_found', async () => {
    const { result } = renderHook(() => useBilling(), {
      wrapper: wrapperFor({ __devMode: true, billingMocks: mocks }),
    })
    const cancel = { id: 'sub_1', cancellation: { timing: 'immediately' } } as const
    let canceled: unknown
    await act(async () => {
      canceled = await result.current.cancelSubscription(cancel)
    })
    expect(canceled).toMatchObject({ subscription: { id: 'sub_1', status: 'canceled' } })
    expect(await result.current.uncancelSubscription({ id: 'sub_1' })).toMatchObject({
      subscription: { status: 'active' },
    })
    expect(await result.current.uncancelSubscription({ id: 'nope' })).toMatchObject({
      error: { code: 'not_found' },
    })
  })
})
