'use client'

import { useBilling } from '@flowglad/nextjs'
import { useState } from 'react'
import { recordApiCallBurst } from '@/app/actions'

interface Props {
  pending: boolean
  run: (work: () => Promise<string>) => void
}

export function UsageActions({ pending, run }: Props) {
  const billing = useBilling()
  const [activeUser, setActiveUser] = useState('teammate-1')
  if (!billing.loaded || billing.errors) return null
  const subscription = billing.currentSubscription

  const generateText = () =>
    run(async () => {
      const tokens = 100 + Math.floor(Math.random() * 1900)
      const result = await billing.createUsageEvent({ usageMeterSlug: 'ai_tokens', amount: tokens })
      if ('error' in result) return `Error ${result.error.code}: ${result.error.json.message}`
      await billing.reload()
      return `Generated text using ${tokens} tokens (event ${result.usageEvent.id})`
    })

  const trackActiveUser = () =>
    run(async () => {
      const result = await billing.createUsageEvent({
        usageMeterSlug: 'active_users',
        properties: { userId: activeUser },
      })
      if ('error' in result) return `Error ${result.error.code}: ${result.error.json.message}`
      await billing.reload()
      return `Tracked active user ${activeUser}`
    })

  const burst = () =>
    run(async () => {
      const result = await recordApiCallBurst(25)
      if (result.error) return `Error: ${result.error}`
      await billing.reload()
      return `Recorded ${result.created} API calls on the server (${result.skipped} duplicates skipped)`
    })

  // Every purchase goes through the hosted checkout page and comes back here.
  const checkout = (priceSlug: string) =>
    run(async () => {
      const result = await billing.createCheckoutSession({
        priceSlug,
        successUrl: `${window.location.origin}/?checkout=success`,
        cancelUrl: `${window.location.origin}/?checkout=cancel`,
        autoRedirect: true,
      })
      return 'error' in result ? `Error ${result.error.code}` : 'Opening checkout…'
    })

  const cancel = () =>
    run(async () => {
      if (!subscription) return 'No subscription'
      await billing.cancelSubscription({
        id: subscription.id,
        cancellation: { timing: 'at_end_of_current_billing_period' },
      })
      await billing.reload()
      return 'Cancellation scheduled for the end of the period'
    })

  const resume = () =>
    run(async () => {
      if (!subscription) return 'No subscription'
      await billing.uncancelSubscription({ id: subscription.id })
      await billing.reload()
      return 'Subscription resumed'
    })

  const onFreePlan = subscription?.isFreePlan ?? true
  return (
    <section className="card">
      <h2>Do things</h2>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={pending}
          onClick={generateText}
          data-testid="generate"
        >
          Generate text
        </button>
        <input
          aria-label="Active user id"
          value={activeUser}
          onChange={(event) => setActiveUser(event.target.value)}
          data-testid="active-user-id"
        />
        <button
          type="button"
          disabled={pending}
          onClick={trackActiveUser}
          data-testid="track-active-user"
        >
          Track active user
        </button>
        <button type="button" disabled={pending} onClick={burst} data-testid="api-burst">
          Burst of 25 API calls (server)
        </button>
      </div>
      <div className="row" style={{ marginTop: '0.75rem' }}>
        {onFreePlan ? (
          <button
            type="button"
            className="primary"
            disabled={pending}
            onClick={() => checkout('pro_monthly')}
            data-testid="upgrade"
          >
            Upgrade to Pro
          </button>
        ) : null}
        {onFreePlan ? (
          <button
            type="button"
            disabled={pending}
            onClick={() => checkout('team_monthly')}
            data-testid="start-trial"
          >
            Try Team free for 14 days
          </button>
        ) : subscription?.status === 'cancellation_scheduled' ? (
          <button type="button" disabled={pending} onClick={resume} data-testid="resume">
            Resume
          </button>
        ) : (
          <button type="button" disabled={pending} onClick={cancel} data-testid="cancel">
            Cancel
          </button>
        )}
        <button
          type="button"
          disabled={pending}
          onClick={() => checkout('token_pack')}
          data-testid="buy-token-pack"
        >
          Buy 100,000 tokens ($10, once)
        </button>
      </div>
    </section>
  )
}
