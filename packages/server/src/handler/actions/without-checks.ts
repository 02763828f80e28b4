import type { BillingWithChecks, CustomerBillingDetails } from '@flowglad/shared/core'

/** The billing object without its check functions, which cannot cross JSON. */
export function withoutChecks(billing: BillingWithChecks): CustomerBillingDetails {
  const {
    checkFeatureAccess: _checkFeatureAccess,
    checkUsageBalance: _checkUsageBalance,
    getProduct: _getProduct,
    getPrice: _getPrice,
    hasPurchased: _hasPurchased,
    ...data
  } = billing
  return data
}
