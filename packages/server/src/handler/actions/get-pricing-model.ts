import type { GetPricingModelResponse } from '@flowglad/shared/core'
import type { ActionHandler } from '../types.js'

/**
 * `pricing-models/retrieve`, the one hybrid action: signed in, the customer's own pricing model
 * (one billing read); signed out, the organisation's default one. A failure signed in is an
 * error, never a silent fall back to the default model.
 */
export const getPricingModel: ActionHandler<'pricing-models/retrieve'> = async (
  _input,
  { flowglad, flowgladAdmin },
): Promise<GetPricingModelResponse> => {
  if (flowglad !== null) {
    const billing = await flowglad.getBilling()
    return { pricingModel: billing.pricingModel ?? billing.catalog, source: 'customer' }
  }
  const { pricingModel } = await flowgladAdmin().getDefaultPricingModel()
  return { pricingModel, source: 'default' }
}
