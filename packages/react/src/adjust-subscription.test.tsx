// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { billingFixture, subscriptionFixture } from '../test/billing-fixture.js'
import { devWrapper, liveWrapper } from '../test/hook-wrapper.js'
import { envelope, errorEnvelope, routeFetch } from '../test/route-fetch.js'
import { createBillingActions } from './billing-actions.js'
import { createBillingClient } from './billing-client.js'
import { useBilling } from './use-billing.js'
import { useSubscriptions } from './use-subscriptions.js'

afterEach(cleanup)

const adjustment = (subscriptionId: string) => ({
  subscription: { ...subscriptionFixture(subscriptionId), priceId: 'price_team' },
  subscriptionItems: [],
  isUpgrade: true,
  resolvedTiming: 'immediately',
})

function adjustRoute(billing = billingFixture()) {
  return routeFetch({
    'customers/billing': () => envelope(billing),
    'subscriptions/adjust': (body) => envelope(adjustment(String(body.subscriptionId))),
    'subscriptions/list': () =>
      envelope({ subscriptions: [], currentSubscriptions: [], currentSubscription: null }),
  })
}

async function loadedClient(billing = billingFixture()) {
  const route = adjustRoute(billing)
  const client = createBillingClient({ fetch: route.fetch })
  await client.load()
  return { route, actions: createBillingActions(client) }
}

describe('useBilling().adjustSubscription', () => {
  it('fills subscriptionId from the only current subscription, returns upstream’s shape, reloads billing', async () => {
    const route = adjustRoute()
    const { result } = renderHook(() => useBilling(), { wrapper: liveWrapper(route.fetch) })
    await waitFor(() => expect(result.current.loaded).toBe(true))
    let answer: unknown
    await act(async () => {
      answer = await result.current.adjustSubscription({ priceSlug: 'team', timing: 'immediately' })
    })
    expect(answer).toEqual({ subscription: adjustment('sub_1') })
    const adjust = route.seen.find((request) => request.key === 'subscriptions/adjust')
    expect(adjust?.body).toEqual({
      priceSlug: 'team',
      timing: 'immediately',
      subscriptionId: 'sub_1',
    })
    expect(route.seen.filter((request) => request.key === 'customers/billing')).toHaveLength(2)
  })

  it('keeps an explicit subscriptionId', async () => {
    const { route, actions } = await loadedClient()
    await actions.adjustSubscription({ priceId: 'price_team', subscriptionId: 'sub_9' })
    expect(route.seen.at(-2)?.body).toEqual({ priceId: 'price_team', subscriptionId: 'sub_9' })
  })

  it('no current subscription: missing_subscription_id, nothing sent', async () => {
    const { route, actions } = await loadedClient(
      billingFixture({ currentSubscriptions: [], currentSubscription: undefined }),
    )
    expect(await actions.adjustSubscription({ priceSlug: 'team' })).toEqual({
      error: {
        code: 'missing_subscription_id',
        json: { message: 'No active subscription found for this customer' },
      },
    })
    expect(route.seen.map((request) => request.key)).toEqual(['customers/billing'])
  })

  it('several current subscriptions: asks for subscriptionId, nothing sent', async () => {
    const { route, actions } = await loadedClient(
      billingFixture({
        currentSubscriptions: [subscriptionFixture('sub_1'), subscriptionFixture('sub_2')],
      }),
    )
    expect(await actions.adjustSubscription({ priceSlug: 'team' })).toEqual({
      error: {
        code: 'missing_subscription_id',
        json: {
          message:
            'Customer has multiple active subscriptions. Please specify subscriptionId in params.',
        },
      },
    })
    expect(route.seen.map((request) => request.key)).toEqual(['customers/billing'])
  })

  it('before billing has loaded the route handler resolves the subscription', async () => {
    const route = adjustRoute()
    const actions = createBillingActions(createBillingClient({ fetch: route.fetch }))
    await actions.adjustSubscription({ priceSlug: 'team' })
    expect(route.seen[0]).toMatchObject({
      key: 'subscriptions/adjust',
      body: { priceSlug: 'team' },
    })
  })

  it('a route error resolves to { error } (no throw) and reloads nothing', async () => {
    const route = routeFetch({
      'customers/billing': () => envelope(billingFixture()),
      'subscriptions/adjust': () =>
        errorEnvelope({ code: 'forbidden', json: { message: 'not yours' } }, 403),
    })
    const client = createBillingClient({ fetch: route.fetch })
    await client.load()
    const answer = await createBillingActions(client).adjustSubscription({ priceSlug: 'team' })
    expect(answer).toEqual({ error: { code: 'forbidden', json: { message: 'not yours' } } })
    expect(route.seen.filter((request) => request.key === 'customers/billing')).toHaveLength(1)
  })

  it('refreshes mounted customer hooks (subscriptions/list) after success', async () => {
    const route = adjustRoute()
    const { result } = renderHook(() => ({ billing: useBilling(), subs: useSubscriptions() }), {
      wrapper: liveWrapper(route.fetch),
    })
    await waitFor(() =>
      expect(result.current.billing.loaded && !result.current.subs.isLoading).toBe(true),
    )
    await act(async () => {
      await result.current.billing.adjustSubscription({ priceSlug: 'team' })
    })
    expect(route.seen.filter((request) => request.key === 'subscriptions/list')).toHaveLength(2)
  })

  it('dev mode: the mock subscription, no items, not an upgrade, immediately', async () => {
    const mocks = billingFixture()
    const { result } = renderHook(() => useBilling(), { wrapper: devWrapper(mocks) })
    let answer: unknown
    await act(async () => {
      answer = await result.current.adjustSubscription({ priceSlug: 'team' })
    })
    expect(answer).toEqual({
      subscription: {
        subscription: mocks.subscriptions[0],
        subscriptionItems: [],
        isUpgrade: false,
        resolvedTiming: 'immediately',
      },
    })
  })

  it('outside a provider: provider_missing', async () => {
    const { result } = renderHook(() => useBilling())
    expect(await result.current.adjustSubscription({ priceSlug: 'team' })).toMatchObject({
      error: { code: 'provider_missing' },
    })
  })
})
