import type { FlowgladServer } from '@flowglad/server'
import {
  type FlowgladToolRefusalResult,
  flowgladFailureResult,
  refusalResult,
} from './tool-results.js'

export interface FeatureAccessCheckParams {
  featureSlug: string
  /** The FlowgladServer of the customer calling the tool (the one `mcpHandlerWithFlowglad` gives). */
  flowgladServer: Pick<FlowgladServer, 'getBilling' | 'createCheckoutSession'>
  /** The price a customer without the feature is sent to check out (quantity 1). */
  upgradePriceSlug: string
  successUrl: string
  cancelUrl: string
  /** Gets every error Flowglad threw; the tool caller only sees a short message. */
  onError?: (error: unknown) => void
}

/**
 * Runs the tool only when the customer has the feature. Otherwise the tool answers a refusal
 * holding a fresh checkout link for `upgradePriceSlug`. Flowglad failures become refusals too.
 */
export function toolWithFeatureAccessCheck<Args extends unknown[], Result>(
  toolCallback: (...args: Args) => Result | Promise<Result>,
  params: FeatureAccessCheckParams,
): (...args: Args) => Promise<Result | FlowgladToolRefusalResult> {
  const { featureSlug, flowgladServer, upgradePriceSlug } = params
  const failed = (what: string, error: unknown) => {
    params.onError?.(error)
    return flowgladFailureResult(what, error)
  }
  return async (...args) => {
    let billing: Awaited<ReturnType<typeof flowgladServer.getBilling>>
    try {
      billing = await flowgladServer.getBilling()
    } catch (error) {
      return failed(`check access to the '${featureSlug}' feature`, error)
    }
    if (billing.checkFeatureAccess(featureSlug)) return toolCallback(...args)

    const price = billing.getPrice(upgradePriceSlug)
    if (!price) {
      return refusalResult({
        reason: 'upgrade_price_not_found',
        featureSlug,
        upgradePriceSlug,
        message: `This tool needs the '${featureSlug}' feature, and its upgrade price '${upgradePriceSlug}' is not in the pricing model, so no upgrade link can be offered.`,
      })
    }
    let checkoutUrl: string
    try {
      const checkout = await flowgladServer.createCheckoutSession({
        priceId: price.id,
        quantity: 1,
        successUrl: params.successUrl,
        cancelUrl: params.cancelUrl,
      })
      checkoutUrl = checkout.url
    } catch (error) {
      return failed(`create an upgrade checkout for the '${featureSlug}' feature`, error)
    }
    return refusalResult({
      reason: 'feature_access_denied',
      featureSlug,
      upgradePriceSlug,
      checkoutUrl,
      message: `This tool needs the '${featureSlug}' feature, which the current plan does not include. Upgrade here, then call the tool again: ${checkoutUrl}`,
    })
  }
}
