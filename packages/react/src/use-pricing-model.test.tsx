// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { billingFixture } from '../test/billing-fixture.js'
import { devWrapper, liveWrapper } from '../test/hook-wrapper.js'
import { deferred, envelope, errorEnvelope, routeFetch } from '../test/route-fetch.js'
import { usePricing, usePricingModel } from './use-pricing-model.js'

afterEach(cleanup)

const { pricingModel } = billingFixture()

describe('usePricingModel / usePricing', () => {
  it('null while loading, then the model; one POST {} through requestConfig.fetch, no billing', async () => {
    const held = deferred<Response>()
    const route = routeFetch({ 'pricing-models/retrieve': () => held.promise })
    const { result } = renderHook(() => [usePricingModel(), usePricing()], {
      wrapper: liveWrapper(route.fetch),
    })
    expect(result.current).toEqual([null, null])
    await act(async () => held.resolve(envelope({ pricingModel, source: 'default' })))
    expect(result.current).toEqual([pricingModel, pricingModel])
    expect(route.seen.map(({ key, body }) => [key, body])).toEqual([
      ['pricing-models/retrieve', {}],
    ])
  })

  it('null on an error answer and on a network failure', async () => {
    const failing = routeFetch({
      'pricing-models/retrieve': () =>
        errorEnvelope({ code: 'PRICING_MODEL_FETCH_FAILED', json: { message: 'x' } }, 500),
    })
    const first = renderHook(() => usePricingModel(), { wrapper: liveWrapper(failing.fetch) })
    await waitFor(() => expect(failing.seen).toHaveLength(1))
    await act(async () => {})
    expect(first.result.current).toBeNull()

    const offline = () => Promise.reject(new TypeError('offline'))
    const second = renderHook(() => usePricingModel(), { wrapper: liveWrapper(offline) })
    await act(async () => {})
    expect(second.result.current).toBeNull()
  })

  it('dev mode: billingMocks.pricingModel on the first render', () => {
    const { result } = renderHook(() => usePricingModel(), {
      wrapper: devWrapper(billingFixture()),
    })
    expect(result.current).toEqual(pricingModel)
  })
})
