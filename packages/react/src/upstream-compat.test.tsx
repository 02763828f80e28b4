// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { billingFixture, subscriptionFixture } from '../test/billing-fixture.js'
import { FlowgladProvider } from './provider.js'
import { useBilling } from './use-billing.js'

afterEach(cleanup)

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status })
}

/**
 * Answers like the upstream `requestHandler` behind `nextRouteHandler`: `{ data }` on success
 * (error undefined, so dropped by JSON), sub-route errors as `{ code, json }`, top-level errors as
 * `{ message }`, cancel failures as 500 with their own code, and no Content-Type check.
 */
async function upstreamRoute(request: Request): Promise<Response> {
  const key = new URL(request.url).pathname.replace('/api/flowglad/', '')
  const body = (await request.json()) as Record<string, unknown>
  switch (key) {
    case 'customers/billing':
      return json({ data: billingFixture() })
    case 'usage-events/create':
      if (body.usageMeterSlug === 'no_sub') {
        const message = 'subscriptionId required: no current subscription found'
        return json({ error: { code: 'missing_subscription_id', json: { message } } }, 400)
      }
      if (body.usageMeterSlug === 'crash') {
        return json({ error: { code: 'Unknown', json: { message: 'boom' } } }, 500)
      }
      return json({ data: { usageEvent: { id: `ue_${String(body.transactionId)}` } } })
    case 'checkout-sessions/create':
      return json({ data: { checkoutSession: { id: 'cs_up' }, url: 'https://pay.example/up' } })
    case 'subscriptions/cancel':
      return json(
        { error: { code: 'subscription_cancel_failed', json: { message: 'already canceled' } } },
        500,
      )
    case 'subscriptions/adjust':
      if (body.priceSlug === 'gone') {
        const message = 'Subscription is not owned by the current user'
        return json({ error: { code: 'subscription_adjust_failed', json: { message } } }, 500)
      }
      return json({
        data: {
          subscription: subscriptionFixture(String(body.subscriptionId)),
          subscriptionItems: [],
          isUpgrade: true,
          resolvedTiming: 'immediately',
        },
      })
    case 'subscriptions/uncancel':
      return json({ data: { subscription: subscriptionFixture(String(body.id)) } })
    default:
      return json(
        { error: { message: `"${key}" is not a valid Flowglad API path` }, data: null },
        404,
      )
  }
}

const seen: string[] = []
const wrapper = ({ children }: { children: ReactNode }) => (
  <FlowgladProvider
    requestConfig={{
      fetch: (input, init) => {
        seen.push(input)
        return upstreamRoute(new Request(new URL(input, 'http://app.local'), init))
      },
    }}
  >
    {children}
  </FlowgladProvider>
)

async function loadedBilling() {
  const { result } = renderHook(() => useBilling(), { wrapper })
  await waitFor(() => expect(result.current.loaded).toBe(true))
  return result
}

describe('against a handler speaking the upstream envelope', () => {
  it('loads billing and records usage', async () => {
    const result = await loadedBilling()
    expect(result.current.customer?.externalId).toBe('user_a')
    const recorded = await result.current.createUsageEvent({
      usageMeterSlug: 'ai_tokens',
      amount: 3,
    })
    expect(recorded).toEqual({ usageEvent: { id: expect.stringMatching(/^ue_.{21}$/) } })
  })

  it('passes the sub-route error shapes through, retrying only the 500', async () => {
    const result = await loadedBilling()
    seen.length = 0
    expect(await result.current.createUsageEvent({ usageMeterSlug: 'no_sub' })).toEqual({
      error: {
        code: 'missing_subscription_id',
        json: { message: 'subscriptionId required: no current subscription found' },
      },
    })
    expect(seen).toHaveLength(1)
  })

  it('passes a 500 { code, json } through after its retries', async () => {
    const result = await loadedBilling()
    const crashed = await result.current.createUsageEvent({ usageMeterSlug: 'crash' })
    expect(crashed).toEqual({ error: { code: 'Unknown', json: { message: 'boom' } } })
  })

  it('creates a checkout session and reads the upstream cancel/uncancel shapes', async () => {
    const result = await loadedBilling()
    const urls = { successUrl: 'https://a.example/s', cancelUrl: 'https://a.example/c' }
    expect(
      await result.current.createCheckoutSession({ ...urls, priceSlug: 'pro_monthly' }),
    ).toEqual({ id: 'cs_up', url: 'https://pay.example/up' })
    const cancel = { id: 'sub_1', cancellation: { timing: 'immediately' } } as const
    expect(await result.current.cancelSubscription(cancel)).toEqual({
      error: { code: 'subscription_cancel_failed', json: { message: 'already canceled' } },
    })
    let uncanceled: unknown
    await act(async () => {
      uncanceled = await result.current.uncancelSubscription({ id: 'sub_1' })
    })
    expect(uncanceled).toMatchObject({ subscription: { id: 'sub_1', status: 'active' } })
  })
})

describe('adjustSubscription against the upstream route', () => {
  it('reads its data and its subscription_adjust_failed error', async () => {
    const result = await loadedBilling()
    let adjusted: unknown
    await act(async () => {
      adjusted = await result.current.adjustSubscription({ priceSlug: 'team' })
    })
    expect(adjusted).toMatchObject({
      subscription: {
        subscription: { id: 'sub_1' },
        isUpgrade: true,
        resolvedTiming: 'immediately',
      },
    })
    expect(await result.current.adjustSubscription({ priceSlug: 'gone' })).toEqual({
      error: {
        code: 'subscription_adjust_failed',
        json: { message: 'Subscription is not owned by the current user' },
      },
    })
  })
})

describe('upstream top-level errors', () => {
  it('a { message } error becomes { code: <status>, json: { message } }', async () => {
    const result = await loadedBilling()
    const urls = { successUrl: 'https://a.example/s', cancelUrl: 'https://a.example/c' }
    const outcome = await result.current.createAddPaymentMethodCheckoutSession(urls)
    expect(outcome).toEqual({
      error: {
        code: '404',
        json: {
          message: '"checkout-sessions/create-add-payment-method" is not a valid Flowglad API path',
        },
      },
    })
  })
})
