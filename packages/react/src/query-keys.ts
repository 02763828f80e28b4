// Query-key families with upstream's values: the tags `client.invalidate(tag)` refreshes.
export const USAGE_METERS_QUERY_KEY = 'flowglad-usage-meters'
export const SUBSCRIPTIONS_QUERY_KEY = 'flowglad-subscriptions'
export const FEATURES_QUERY_KEY = 'flowglad-features'
export const PAYMENT_METHODS_QUERY_KEY = 'flowglad-payment-methods'
export const CUSTOMER_DETAILS_QUERY_KEY = 'flowglad-customer-details'
export const INVOICES_QUERY_KEY = 'flowglad-invoices'
export const PURCHASES_QUERY_KEY = 'flowglad-purchases'
/** `useResources` / `useResource`: refreshed by their `claim` and `release`. */
export const RESOURCES_QUERY_KEY = 'flowglad-resources'
export const RESOURCE_CLAIMS_QUERY_KEY = 'flowglad-resource-claims'
/** Upstream keys the pricing model by its action key; it is not customer data. */
export const PRICING_MODEL_QUERY_KEY = 'pricing-models/retrieve'
