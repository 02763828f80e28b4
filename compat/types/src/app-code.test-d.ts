// Code apps write against the billing hook and types, checked under `strict`,
// `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess`. Nothing runs.
import type { FeatureItem, FlowgladContextValues } from '@flowglad/nextjs'
import type * as Upstream from 'upstream-react'
import type { Equal, Expect } from './required-keys.js'

declare const billing: FlowgladContextValues

export function featureItems() {
  const subscription = billing.currentSubscriptions?.[0]
  const balances: Record<string, number> = {}
  for (const meter of subscription?.experimental?.usageMeterBalances ?? []) {
    balances[meter.slug] = meter.availableBalance
  }
  return (subscription?.experimental?.featureItems ?? []).map((item) => {
    // Narrowing on `type`, as with upstream's feature item union: amount and meter are set.
    if (item.type === 'usage_credit_grant') {
      return { doubled: item.amount * 2, left: balances[item.usageMeterId] ?? 0 }
    }
    if (item.type === 'resource') return { doubled: item.amount * 2, left: item.resourceId }
    return { doubled: 0, left: item.name }
  })
}

/** A helper typed with the exported `FeatureItem`, nullable fields handled as upstream's are. */
export const grantedAmount = (item: FeatureItem): number =>
  item.type === 'toggle' ? 0 : item.amount

export const tokens = billing.checkUsageBalance?.('ai_tokens')?.availableBalance
export const unitPrice = billing.getPrice?.('pro_monthly')?.unitPrice
export const meters = billing.currentSubscriptions?.[0]?.experimental?.usageMeterBalances
export type ReadTypes = [
  Expect<Equal<typeof tokens, number | undefined>>,
  Expect<Equal<typeof unitPrice, number | undefined>>,
]

export async function checkout() {
  if (!billing.createCheckoutSession) return
  const result = await billing.createCheckoutSession({
    priceSlug: 'pro_monthly',
    successUrl: 'https://app.example/ok',
    cancelUrl: 'https://app.example/cancel',
  })
  if ('error' in result) return `checkout failed: ${result.error.json.message}`
  return result.url
}

export async function recordUsage() {
  const result = await billing.createUsageEvent?.({ usageMeterSlug: 'ai_tokens', amount: 1 })
  if (result && 'error' in result) return `usage failed: ${result.error.json.message}`
  return result?.usageEvent.id
}

// `experimental` may be absent (as in the OpenAPI document and upstream's own type), so apps
// write `?.experimental?.` against either package; upstream rejects the bare form as ours does.
declare const upstreamBilling: Upstream.LoadedFlowgladContextValues
const upstreamSubscription = upstreamBilling.currentSubscriptions?.[0]
// @ts-expect-error: 'experimental' is possibly 'undefined' upstream too
export const upstreamBare = upstreamSubscription?.experimental.usageMeterBalances
