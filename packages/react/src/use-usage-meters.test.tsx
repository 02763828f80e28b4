// @vitest-environment happy-dom
import type { UsageMeterBalance } from '@flowglad/shared/browser'
import { act, cleanup, render, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { billingFixture, subscriptionFixture } from '../test/billing-fixture.js'
import { devWrapper, liveWrapper } from '../test/hook-wrapper.js'
import { deferred, envelope, errorEnvelope, routeFetch } from '../test/route-fetch.js'
import { USAGE_METERS_QUERY_KEY } from './query-keys.js'
import { useBilling } from './use-billing.js'
import { useUsageMeter, useUsageMeters } from './use-usage-meters.js'

afterEach(cleanup)

const balance = (slug: string, availableBalance: number, subscriptionId = 'sub_1') =>
  ({
    id: `um_${slug}`,
    livemode: false,
    name: slug,
    slug,
    availableBalance,
    subscriptionId,
  }) as UsageMeterBalance

const balancesRoute = (balances: () => UsageMeterBalance[]) =>
  routeFetch({
    'usage-meters/balances': () => envelope({ usageMeterBalances: balances() }),
    'usage-events/create': () => envelope({ usageEvent: { id: 'ue_1' } }),
    'customers/billing': () => envelope(billingFixture()),
  })

describe('useUsageMeters / useUsageMeter', () => {
  it("has upstream's key value", () => {
    expect(USAGE_METERS_QUERY_KEY).toBe('flowglad-usage-meters')
  })

  it('loading → loaded, POSTing the params (default {}) as JSON', async () => {
    const held = deferred<Response>()
    const route = routeFetch({ 'usage-meters/balances': () => held.promise })
    const { result } = renderHook(() => useUsageMeters(), { wrapper: liveWrapper(route.fetch) })
    expect(result.current).toEqual({ usageMeters: undefined, isLoading: true, error: null })
    await act(async () => held.resolve(envelope({ usageMeterBalances: [balance('ai_tokens', 5)] })))
    expect(result.current).toEqual({
      usageMeters: [balance('ai_tokens', 5)],
      isLoading: false,
      error: null,
    })
    expect(route.seen.map(({ key, method, body }) => [key, method, body])).toEqual([
      ['usage-meters/balances', 'POST', {}],
    ])
    expect(route.seen[0]?.headers.get('content-type')).toBe('application/json')
  })

  it('an error answer: not loading, an Error with the message and code', async () => {
    const route = routeFetch({
      'usage-meters/balances': () =>
        errorEnvelope({ code: 'unauthenticated', json: { message: 'sign in first' } }, 401),
    })
    const { result } = renderHook(() => useUsageMeter('ai_tokens'), {
      wrapper: liveWrapper(route.fetch),
    })
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    expect(result.current.usageMeter).toBeNull()
    expect(result.current.error).toBeInstanceOf(Error)
    expect(result.current.error).toMatchObject({
      message: 'sign in first',
      code: 'unauthenticated',
    })
  })

  it('useUsageMeter picks the meter by slug (null when absent)', async () => {
    const route = balancesRoute(() => [balance('ai_tokens', 7), balance('api_calls', 3)])
    const { result } = renderHook(() => [useUsageMeter('api_calls'), useUsageMeter('nope')], {
      wrapper: liveWrapper(route.fetch),
    })
    await waitFor(() => expect(result.current[0]?.isLoading).toBe(false))
    expect(result.current[0]?.usageMeter).toEqual(balance('api_calls', 3))
    expect(result.current[1]?.usageMeter).toBeNull()
  })

  it('is lazy: a provider without a mounted hook fetches nothing; hooks on one key share a request', async () => {
    const route = balancesRoute(() => [balance('ai_tokens', 7)])
    const Wrapper = liveWrapper(route.fetch)
    function Meters({ show }: { show: boolean }) {
      return show ? <Both /> : null
    }
    function Both() {
      useUsageMeters()
      useUsageMeter('ai_tokens')
      return <OneMore />
    }
    function OneMore() {
      useUsageMeters()
      return null
    }
    const view = render(
      <Wrapper>
        <Meters show={false} />
      </Wrapper>,
    )
    await act(async () => {})
    expect(route.seen).toEqual([])
    view.rerender(
      <Wrapper>
        <Meters show />
      </Wrapper>,
    )
    await waitFor(() => expect(route.seen).toHaveLength(1))
    await act(async () => {})
    expect(route.seen.map((request) => request.key)).toEqual(['usage-meters/balances'])
  })

  it('a subscriptionId is its own query, sent in the body', async () => {
    const route = balancesRoute(() => [balance('ai_tokens', 7, 'sub_2')])
    const { result } = renderHook(
      () => [useUsageMeters(), useUsageMeters({ subscriptionId: 'sub_2' })],
      { wrapper: liveWrapper(route.fetch) },
    )
    await waitFor(() => expect(result.current[1]?.isLoading).toBe(false))
    expect(route.seen.map((request) => request.body)).toEqual([{}, { subscriptionId: 'sub_2' }])
  })

  it('createUsageEvent refreshes mounted usage-meter hooks, and not billing', async () => {
    let available = 10
    const route = balancesRoute(() => [balance('ai_tokens', available)])
    const { result } = renderHook(
      () => ({ meter: useUsageMeter('ai_tokens'), billing: useBilling() }),
      {
        wrapper: liveWrapper(route.fetch),
      },
    )
    await waitFor(() => expect(result.current.meter.usageMeter?.availableBalance).toBe(10))
    await waitFor(() => expect(result.current.billing.loaded).toBe(true))
    available = 4
    await act(async () => {
      await result.current.billing.createUsageEvent({ usageMeterSlug: 'ai_tokens', amount: 6 })
    })
    await waitFor(() => expect(result.current.meter.usageMeter?.availableBalance).toBe(4))
    // The refresh keeps the old data on screen: it never goes back to loading.
    expect(result.current.meter.isLoading).toBe(false)
    const keys = route.seen.map((request) => request.key)
    expect(keys.filter((key) => key === 'customers/billing')).toHaveLength(1)
    expect(keys.filter((key) => key === 'usage-meters/balances')).toHaveLength(2)
  })

  it('a failed usage event refreshes nothing', async () => {
    const route = routeFetch({
      'usage-meters/balances': () => envelope({ usageMeterBalances: [] }),
      'usage-events/create': () =>
        errorEnvelope({ code: 'forbidden', json: { message: 'not yours' } }, 403),
      'customers/billing': () => envelope(billingFixture()),
    })
    const { result } = renderHook(() => ({ meters: useUsageMeters(), billing: useBilling() }), {
      wrapper: liveWrapper(route.fetch),
    })
    await waitFor(() => expect(result.current.meters.isLoading).toBe(false))
    await act(async () => {
      await result.current.billing.createUsageEvent({ usageMeterSlug: 'ai_tokens' })
    })
    expect(route.seen.filter((request) => request.key === 'usage-meters/balances')).toHaveLength(1)
  })

  it('dev mode: balances of billingMocks.currentSubscriptions, filtered by subscriptionId, no request', () => {
    const first = subscriptionFixture('sub_1')
    const second = subscriptionFixture('sub_2')
    const mocks = billingFixture({ currentSubscriptions: [first, second] })
    const { result } = renderHook(
      () => [
        useUsageMeters(),
        useUsageMeters({ subscriptionId: 'sub_2' }),
        useUsageMeter('ai_tokens'),
      ],
      { wrapper: devWrapper(mocks) },
    )
    expect(result.current[0]).toEqual({
      usageMeters: [
        ...(first.experimental?.usageMeterBalances ?? []),
        ...(second.experimental?.usageMeterBalances ?? []),
      ],
      isLoading: false,
      error: null,
    })
    expect(result.current[1]).toMatchObject({
      usageMeters: second.experimental?.usageMeterBalances,
    })
    expect(result.current[2]).toMatchObject({
      usageMeter: { slug: 'ai_tokens', subscriptionId: 'sub_1' },
    })
  })

  it('outside a provider: not loading, a provider_missing error', () => {
    const { result } = renderHook(() => useUsageMeters())
    expect(result.current).toMatchObject({
      usageMeters: undefined,
      isLoading: false,
      error: { code: 'provider_missing' },
    })
  })
})
