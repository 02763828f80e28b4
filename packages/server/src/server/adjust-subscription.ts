import { type adjustSubscriptionParamsSchema, FlowgladError } from '@flowglad/shared/core'

type ParsedAdjustment = ReturnType<typeof adjustSubscriptionParamsSchema.parse>

/** `POST /subscriptions/{id}/adjust` body, as the API's `adjustment` union wants it. */
export interface AdjustmentWireBody {
  adjustment: {
    timing: ParsedAdjustment['timing']
    newSubscriptionItems: (({ priceSlug: string } | { priceId: string }) & { quantity: number })[]
    prorateCurrentBillingPeriod?: boolean
  }
}

/**
 * The single-price forms become one item; quantities default to 1. Proration (default on) is
 * left out at the period end, where nothing is prorated.
 */
export function adjustmentBody(input: ParsedAdjustment): AdjustmentWireBody {
  const items = input.subscriptionItems ?? [input]
  const newSubscriptionItems = items.map((item) => ({
    ...(item.priceSlug !== undefined
      ? { priceSlug: item.priceSlug }
      : { priceId: item.priceId as string }),
    quantity: item.quantity ?? 1,
  }))
  return {
    adjustment: {
      timing: input.timing,
      newSubscriptionItems,
      ...(input.timing !== 'at_end_of_current_billing_period' && {
        prorateCurrentBillingPeriod: input.prorate ?? true,
      }),
    },
  }
}

/**
 * Upstream's default: the only current subscription; none or several need a subscriptionId.
 * (Upstream's resource methods word the second message without "in params".)
 */
export function onlyCurrentSubscription(
  currentSubscriptionIds: readonly string[],
  where = ' in params',
): string {
  if (currentSubscriptionIds.length !== 1) {
    throw new FlowgladError(
      'missing_subscription_id',
      currentSubscriptionIds.length === 0
        ? 'No active subscription found for this customer'
        : `Customer has multiple active subscriptions. Please specify subscriptionId${where}.`,
    )
  }
  return currentSubscriptionIds[0] as string
}
