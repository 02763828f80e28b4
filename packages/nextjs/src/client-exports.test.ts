import { describe, expect, it } from 'vitest'

// The runtime names of upstream `@flowglad/nextjs` 0.18.0's `.` entry (its dist/types/index.d.ts),
// plus those its next release (HEAD) adds.
const upstream018 = [
  'FlowgladProvider',
  'useBilling',
  'usePricing',
  'usePricingModel',
  'useUsageMeter',
  'useUsageMeters',
  'useResources',
  'useResource',
  'USAGE_METERS_QUERY_KEY',
  'RESOURCES_QUERY_KEY',
  'RESOURCE_CLAIMS_QUERY_KEY',
]
const upstreamNext = [
  'humanReadableCurrencyAmount',
  'useSubscriptions',
  'useSubscription',
  'useFeatures',
  'useFeature',
  'usePaymentMethods',
  'useCustomerDetails',
  'useInvoices',
  'usePurchases',
  'SUBSCRIPTIONS_QUERY_KEY',
  'FEATURES_QUERY_KEY',
  'PAYMENT_METHODS_QUERY_KEY',
  'CUSTOMER_DETAILS_QUERY_KEY',
  'INVOICES_QUERY_KEY',
  'PURCHASES_QUERY_KEY',
]

describe('@flowglad/nextjs client entry', () => {
  it('re-exports every client name of upstream 0.18 and its next release', async () => {
    const client = (await import('./index.js')) as Record<string, unknown>
    const missing = [...upstream018, ...upstreamNext].filter((name) => !(name in client))
    expect(missing).toEqual([])
  })

  it('the query keys carry upstream values', async () => {
    const client = await import('./index.js')
    expect(client.USAGE_METERS_QUERY_KEY).toBe('flowglad-usage-meters')
    expect(client.RESOURCES_QUERY_KEY).toBe('flowglad-resources')
    expect(client.RESOURCE_CLAIMS_QUERY_KEY).toBe('flowglad-resource-claims')
  })
})
