/** When an adjustment applies (upstream names); `auto`: upgrades now, downgrades at period end. */
export const subscriptionAdjustmentTiming = {
  Immediately: 'immediately',
  AtEndOfCurrentBillingPeriod: 'at_end_of_current_billing_period',
  Auto: 'auto',
} as const
