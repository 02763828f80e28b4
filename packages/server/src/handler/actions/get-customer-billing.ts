import type { BillingWithChecks, CustomerBillingDetails } from '@flowglad/shared/core'
import type { ActionHandler } from '../types.js'

/** `customers/billing`: the billing object; the check functions cannot cross JSON, so they go. */
export const getCustomerBilling: ActionHandler<'customers/billing'> = async (
  _input,
  { flowglad },
) => withoutChecks(await flowglad.getBilling())

function withoutChecks(billing: BillingWithChecks): CustomerBillingDetails {
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
