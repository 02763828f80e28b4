import { describe, expect, it } from 'vitest'
import { appOrigin, createEmulatorApp } from '../../test/handler/emulator-app.js'

// Requests byte-for-byte as upstream `@flowglad/react` 0.18 sends them (surface doc §3), and
// the envelope fields that client reads from the answers.
const urls = { successUrl: 'https://app.test/ok', cancelUrl: 'https://app.test/cancel' }

function upstreamRequest(path: string, init: { body: BodyInit; json: boolean; user?: string }) {
  const headers: Record<string, string> = { origin: appOrigin, 'x-user': init.user ?? 'user_a' }
  if (init.json) headers['content-type'] = 'application/json'
  return new Request(`${appOrigin}/api/flowglad/${path}`, {
    method: 'POST',
    headers,
    body: init.body,
  })
}

async function send(app: ReturnType<typeof createEmulatorApp>, request: Request) {
  const response = await app.handler(request)
  // biome-ignore lint/suspicious/noExplicitAny: mirrors the untyped upstream client reads
  return { status: response.status, json: (await response.json()) as any }
}

describe('upstream @flowglad/react 0.18 on the wire', () => {
  it('billing: POST body {} without any Content-Type header gets { data: billing }', async () => {
    const app = createEmulatorApp()
    // A Blob without a type makes fetch send no Content-Type at all (custom requestConfig.fetch).
    const request = upstreamRequest('customers/billing', { body: new Blob(['{}']), json: false })
    expect(request.headers.get('content-type')).toBeNull()
    const { status, json } = await send(app, request)
    expect(status).toBe(200)
    expect(json.error).toBeNull()
    for (const key of [
      'customer',
      'subscriptions',
      'currentSubscriptions',
      'catalog',
      'pricingModel',
      'invoices',
      'paymentMethods',
      'purchases',
      'billingPortalUrl',
    ]) {
      expect(json.data, key).toHaveProperty(key)
    }
  })

  it('billing: the same with the text/plain label browsers put on a string body', async () => {
    const app = createEmulatorApp()
    const request = upstreamRequest('customers/billing', { body: '{}', json: false })
    expect(request.headers.get('content-type')).toBe('text/plain;charset=UTF-8')
    expect((await send(app, request)).json.data.customer.externalId).toBe('user_a')
  })

  it('billing: the same POST {} with Content-Type: application/json (later 0.18 builds)', async () => {
    const app = createEmulatorApp()
    const request = upstreamRequest('customers/billing', { body: '{}', json: true })
    const { status, json } = await send(app, request)
    expect(status).toBe(200)
    expect(json.data.customer.externalId).toBe('user_a')
  })

  it('useUsageMeters: POST JSON {} or { subscriptionId } → data.usageMeterBalances', async () => {
    const app = createEmulatorApp()
    const all = await send(
      app,
      upstreamRequest('usage-meters/balances', { body: JSON.stringify({}), json: true }),
    )
    expect(all.status).toBe(200)
    const balances: { slug: string; subscriptionId: string }[] = all.json.data.usageMeterBalances
    expect(balances.map((balance) => balance.slug)).toContain('ai_tokens')
    const subscriptionId = balances[0]?.subscriptionId
    const one = await send(
      app,
      upstreamRequest('usage-meters/balances', {
        body: JSON.stringify({ subscriptionId }),
        json: true,
      }),
    )
    expect(one.json.error).toBeNull()
    expect(
      one.json.data.usageMeterBalances.every(
        (balance: { subscriptionId: string }) => balance.subscriptionId === subscriptionId,
      ),
    ).toBe(true)
    // Its error branch reads error.json.message. (A subscription that is not theirs is refused
    // before the API is asked, from the customer's billing.)
    const foreign = await send(
      app,
      upstreamRequest('usage-meters/balances', {
        body: JSON.stringify({ subscriptionId: 'sub_not_mine' }),
        json: true,
      }),
    )
    expect(foreign.json).toMatchObject({
      data: null,
      error: { code: 'forbidden', json: { message: expect.any(String) } },
    })
  })

  it('createCheckoutSession: body with type "product" → data.checkoutSession.id and data.url', async () => {
    const app = createEmulatorApp()
    const body = JSON.stringify({ ...urls, priceSlug: 'pro_monthly', type: 'product' })
    const { status, json } = await send(
      app,
      upstreamRequest('checkout-sessions/create', { body, json: true }),
    )
    expect(status).toBe(200)
    expect(typeof json.data.checkoutSession.id).toBe('string')
    expect(typeof json.data.url).toBe('string')
  })

  it('add-payment-method and activate checkouts', async () => {
    const app = createEmulatorApp()
    const billing = await send(
      app,
      upstreamRequest('customers/billing', { body: '{}', json: false }),
    )
    const targetSubscriptionId = billing.json.data.currentSubscription.id
    const add = await send(
      app,
      upstreamRequest('checkout-sessions/create-add-payment-method', {
        body: JSON.stringify(urls),
        json: true,
      }),
    )
    expect(add.json.data.checkoutSession.id).toEqual(expect.any(String))
    const activate = await send(
      app,
      upstreamRequest('checkout-sessions/create-activate-subscription', {
        body: JSON.stringify({ ...urls, targetSubscriptionId }),
        json: true,
      }),
    )
    expect(activate.json.data.url).toEqual(expect.any(String))
  })

  it('cancel / uncancel: data.subscription', async () => {
    const app = createEmulatorApp()
    const pro = await app.serverFor('user_a').createSubscription({ priceSlug: 'pro_monthly' })
    const id = pro.subscription.id
    const cancel = await send(
      app,
      upstreamRequest('subscriptions/cancel', {
        body: JSON.stringify({ id, cancellation: { timing: 'at_end_of_current_billing_period' } }),
        json: true,
      }),
    )
    expect(cancel.json.data.subscription).toMatchObject({ id, status: 'cancellation_scheduled' })
    const uncancel = await send(
      app,
      upstreamRequest('subscriptions/uncancel', { body: JSON.stringify({ id }), json: true }),
    )
    expect(uncancel.json.data.subscription.id).toBe(id)
  })

  it('createUsageEvent: raw params → data.usageEvent.id; failures → error { code, json.message }', async () => {
    const app = createEmulatorApp()
    const ok = await send(
      app,
      upstreamRequest('usage-events/create', {
        body: JSON.stringify({ usageMeterSlug: 'ai_tokens', amount: 150 }),
        json: true,
      }),
    )
    expect(ok.status).toBe(200)
    expect(ok.json.data.usageEvent.id).toEqual(expect.any(String))
    const bad = await send(
      app,
      upstreamRequest('usage-events/create', { body: JSON.stringify({ amount: 1 }), json: true }),
    )
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({
      data: null,
      error: { code: 'validation_error', json: { message: expect.any(String) } },
    })
  })

  it('usePricingModel: POST JSON {} → data.pricingModel, signed in or out', async () => {
    const app = createEmulatorApp()
    const signedOut = new Request(`${appOrigin}/api/flowglad/pricing-models/retrieve`, {
      method: 'POST',
      headers: { origin: appOrigin, 'content-type': 'application/json' },
      body: '{}',
    })
    const out = await send(app, signedOut)
    expect([out.status, out.json.data.source]).toEqual([200, 'default'])
    expect(out.json.data.pricingModel.products.length).toBeGreaterThan(0)
    const signedIn = await send(
      app,
      upstreamRequest('pricing-models/retrieve', { body: '{}', json: true }),
    )
    expect([signedIn.status, signedIn.json.data.source]).toEqual([200, 'customer'])
  })

  it('useBilling().adjustSubscription: POST JSON with the subscriptionId it filled in → data', async () => {
    const app = createEmulatorApp()
    const pro = await app.serverFor('user_a').createSubscription({ priceSlug: 'pro_monthly' })
    const body = JSON.stringify({
      priceSlug: 'pro_monthly',
      quantity: 2,
      subscriptionId: pro.subscription.id,
    })
    const { status, json } = await send(
      app,
      upstreamRequest('subscriptions/adjust', { body, json: true }),
    )
    expect(status).toBe(200)
    expect(json.error).toBeNull()
    expect(json.data).toMatchObject({
      subscription: { id: pro.subscription.id },
      isUpgrade: true,
      resolvedTiming: 'immediately',
    })
  })

  it('a bodyless-{} POST without JSON content type is refused for every state-changing action', async () => {
    const app = createEmulatorApp()
    for (const path of [
      'customers/find-or-create',
      'subscriptions/uncancel',
      'usage-events/create',
      'subscriptions/create',
    ]) {
      const { status, json } = await send(app, upstreamRequest(path, { body: '{}', json: false }))
      expect(status, path).toBe(403)
      expect(json.error.code).toBe('csrf_rejected')
    }
    expect(app.apiCalls).toEqual([])
  })
})
