'use client'
// App-side code as apps write it against upstream; `next build` type-checks it.
import { useBilling } from '@flowglad/nextjs'

export function BillingSummary() {
  const billing = useBilling()
  if (!billing.loaded || !billing.customer) return <p>Loading billing</p>
  const subscription = billing.currentSubscriptions?.[0]
  const balances: Record<string, number> = {}
  for (const meter of subscription?.experimental?.usageMeterBalances ?? []) {
    balances[meter.id] = meter.availableBalance
  }
  const credits = (subscription?.experimental?.featureItems ?? []).map((item) =>
    item.type === 'usage_credit_grant'
      ? `${item.slug}: ${item.amount * 2} (${balances[item.usageMeterId] ?? 0} left)`
      : item.name,
  )
  const tokens = billing.checkUsageBalance?.('ai_tokens')?.availableBalance
  const price = billing.getPrice?.('pro_monthly')?.unitPrice
  const buy = async () => {
    const result = await billing.createCheckoutSession?.({
      priceSlug: 'pro_monthly',
      successUrl: 'https://app.example/ok',
      cancelUrl: 'https://app.example/no',
    })
    if (result && 'error' in result) console.error(`checkout: ${result.error.json.message}`)
  }
  return (
    <section>
      <p>{credits.join(', ')}</p>
      <p>
        {tokens ?? 0} tokens, pro costs {price ?? 0}
      </p>
      <button type="button" onClick={buy}>
        Upgrade
      </button>
    </section>
  )
}
