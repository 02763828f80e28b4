'use client'
import type { GetPricingModelResponse, PricingModel } from '@flowglad/shared/browser'
import { PRICING_MODEL_QUERY_KEY } from './query-keys.js'
import { useActionQuery } from './use-action-query.js'

const spec = { tag: PRICING_MODEL_QUERY_KEY, action: 'pricing-models/retrieve', input: {} } as const

/**
 * The pricing model for a pricing page: works signed out (the default model) and signed in (the
 * customer's). `null` while loading and on failure; no loading flag, as upstream. Dev mode:
 * `billingMocks.pricingModel`.
 */
export function usePricingModel(): PricingModel | null {
  const { data } = useActionQuery<GetPricingModelResponse>(spec, (mocks) => ({
    pricingModel: mocks.pricingModel,
    source: 'customer',
  }))
  return data?.pricingModel ?? null
}

/** Alias of `usePricingModel`. */
export const usePricing = (): PricingModel | null => usePricingModel()
