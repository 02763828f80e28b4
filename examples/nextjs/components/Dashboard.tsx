'use client'

import { useBilling } from '@flowglad/nextjs'
import { useState, useTransition } from 'react'
import { signOut } from '@/app/actions'
import { DevPanel } from './DevPanel'
import { MeterBar } from './MeterBar'
import { TeamSeats } from './TeamSeats'
import { purchasedCount, purchasedThisPeriod, topUpCredits } from './top-ups'
import { UsageActions } from './UsageActions'

export function Dashboard({ userName, userId }: { userName: string; userId: string }) {
  const billing = useBilling()
  const [message, setMessage] = useState('')
  const [pending, startTransition] = useTransition()

  if (!billing.loaded) return <p className="card">Loading billing…</p>
  if (billing.errors) {
    return (
      <p className="card" role="alert">
        Billing failed to load: {billing.errors.map((e) => e.message).join(', ')}
      </p>
    )
  }
  const { currentSubscription, pricingModel, checkFeatureAccess, checkUsageBalance, purchases } =
    billing
  if (!pricingModel) return <p className="card">No pricing model.</p>

  const plan = pricingModel.products.find((product) =>
    product.prices.some((price) => price.id === currentSubscription?.priceId),
  )
  const advanced = checkFeatureAccess('advanced_models')
  const grants = currentSubscription?.experimental?.featureItems ?? []
  const packs = purchasedThisPeriod(purchases, currentSubscription?.currentBillingPeriodStart)

  const run = (work: () => Promise<string>) =>
    startTransition(async () => {
      setMessage(await work())
    })

  return (
    <>
      <section className="card">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h1>Hi, {userName}</h1>
          <form action={signOut}>
            <button type="submit" data-testid="sign-out">
              Sign out
            </button>
          </form>
        </div>
        <p>
          Plan: <strong data-testid="plan">{plan?.name ?? 'none'}</strong>{' '}
          <span className="badge" data-testid="subscription-status">
            {currentSubscription?.status ?? 'no subscription'}
          </span>{' '}
          Advanced models:{' '}
          <span className={`badge ${advanced ? 'on' : ''}`} data-testid="advanced-models">
            {advanced ? 'unlocked' : 'locked'}
          </span>{' '}
          Token packs bought:{' '}
          <span className="badge" data-testid="token-packs">
            {billing.hasPurchased('token_pack') ? purchasedCount(purchases, pricingModel) : 0}
          </span>
        </p>
        <p className="muted">
          <span data-testid="customer-id">Customer {billing.customer?.externalId ?? userId}</span> ·
          subscription{' '}
          <span data-testid="subscription-id">{currentSubscription?.id ?? 'none'}</span>
        </p>
      </section>

      <section className="card">
        <h2>Usage this period</h2>
        {pricingModel.usageMeters.map((meter) => {
          const granted =
            grants
              .filter(
                (item) => item.type === 'usage_credit_grant' && item.usageMeterId === meter.id,
              )
              .reduce((total, item) => total + (item.amount ?? 0), 0) +
            topUpCredits(packs, pricingModel, meter.id)
          return (
            <MeterBar
              key={meter.id}
              slug={meter.slug}
              name={meter.name}
              granted={granted}
              balance={checkUsageBalance(meter.slug)?.availableBalance ?? null}
            />
          )
        })}
      </section>

      {currentSubscription && <TeamSeats subscriptionId={currentSubscription.id} />}

      <UsageActions pending={pending} run={run} />

      {message && (
        <output className="card" data-testid="last-result" style={{ display: 'block' }}>
          {message}
        </output>
      )}

      <DevPanel run={run} pending={pending} />
    </>
  )
}
