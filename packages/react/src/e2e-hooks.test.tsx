// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createE2EHarness } from '../test/e2e-harness.js'
import { liveWrapper } from '../test/hook-wrapper.js'
import { useBilling } from './use-billing.js'
import { usePricingModel } from './use-pricing-model.js'
import { useSubscriptions } from './use-subscriptions.js'
import { useUsageMeter } from './use-usage-meters.js'

afterEach(cleanup)

describe('the data hooks against the route handler core + emulator', () => {
  it('createUsageEvent refreshes useUsageMeter; billing keeps its balance until reload()', async () => {
    const harness = createE2EHarness()
    const { result } = renderHook(
      () => ({ meter: useUsageMeter('ai_tokens'), billing: useBilling() }),
      { wrapper: liveWrapper(harness.fetch) },
    )
    await waitFor(() => expect(result.current.meter.usageMeter?.availableBalance).toBe(10_000))
    await waitFor(() => expect(result.current.billing.loaded).toBe(true))
    await act(async () => {
      await result.current.billing.createUsageEvent({ usageMeterSlug: 'ai_tokens', amount: 150 })
    })
    await waitFor(() => expect(result.current.meter.usageMeter?.availableBalance).toBe(9_850))
    expect(result.current.billing.checkUsageBalance('ai_tokens')).toEqual({
      availableBalance: 10_000,
    })
  })

  it('usePricingModel works signed out (the default model)', async () => {
    const harness = createE2EHarness({ customerExternalId: null })
    const { result } = renderHook(() => usePricingModel(), {
      wrapper: liveWrapper(harness.fetch),
    })
    await waitFor(() => expect(result.current).not.toBeNull())
    expect(result.current?.products.map((product) => product.slug)).toContain('pro')
  })

  it('adjustSubscription on the only (paid) subscription; the mounted useSubscriptions follows', async () => {
    const harness = createE2EHarness()
    const { result } = renderHook(
      () => ({ billing: useBilling(), subscriptions: useSubscriptions() }),
      { wrapper: liveWrapper(harness.fetch) },
    )
    await waitFor(() => expect(result.current.billing.loaded).toBe(true))
    // Free plans cannot be adjusted: buy Pro first (the emulator completes the checkout).
    const checkout = await result.current.billing.createCheckoutSession({
      priceSlug: 'pro_monthly',
      successUrl: 'http://app.local/done',
      cancelUrl: 'http://app.local/pricing',
    })
    if (!('id' in checkout)) throw new Error(JSON.stringify(checkout))
    harness.emulator.completeCheckoutSession(checkout.id)
    await act(() => result.current.billing.reload())
    const subscriptionId = result.current.billing.currentSubscription?.id
    const quantities = () =>
      result.current.subscriptions.currentSubscription?.subscriptionItems.map(
        (item) => item.quantity,
      )
    await waitFor(() => expect(result.current.subscriptions.isLoading).toBe(false))

    let answer: unknown
    await act(async () => {
      answer = await result.current.billing.adjustSubscription({
        priceSlug: 'pro_monthly',
        quantity: 2,
      })
    })
    expect(answer).toMatchObject({
      subscription: { subscription: { id: subscriptionId }, isUpgrade: true },
    })
    await waitFor(() => expect(quantities()).toEqual([2]))
    expect(result.current.subscriptions.currentSubscription?.id).toBe(subscriptionId)
  })
})
