import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../../scripts/chromium.mjs'
import { type RunningEmulator, startEmulator } from '../src/node.js'
import { DAY, KEY, T0 } from './helpers.js'

const RESULTS = resolve(dirname(fileURLToPath(import.meta.url)), '../test-results')

let running: RunningEmulator
let browser: Browser

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${running.url}/api/v1${path}`, {
    method,
    headers: { authorization: KEY, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  // biome-ignore lint/suspicious/noExplicitAny: test helper returns arbitrary JSON
  const json: any = await res.json()
  if (res.status !== 200)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

async function customer(externalId: string, name = externalId) {
  const body = await api('POST', '/customers', {
    customer: { externalId, email: `${externalId}@example.com`, name },
  })
  return {
    id: body.data.customer.id as string,
    subscriptionId: body.data.subscription.id as string,
  }
}

let tx = 0
const usage = (
  subscriptionId: string,
  usageMeterSlug: string,
  amount: number,
  properties?: object,
) =>
  api('POST', '/usage-events', {
    usageEvent: { subscriptionId, usageMeterSlug, amount, transactionId: `b${++tx}`, properties },
  })

async function checkout(checkoutSession: Record<string, unknown>) {
  const body = await api('POST', '/checkout-sessions', {
    checkoutSession: {
      successUrl: `${running.url}/done/success`,
      cancelUrl: `${running.url}/done/cancel`,
      ...checkoutSession,
    },
  })
  return body as { checkoutSession: { id: string }; url: string }
}

async function clickThrough(
  page: Page,
  url: string,
  button: 'Subscribe' | 'Buy' | 'Complete purchase' | 'Cancel',
) {
  await page.goto(url)
  await page.getByRole('button', { name: button, exact: true }).click()
  await page.waitForURL(/\/done\//)
  return page.url()
}

beforeAll(async () => {
  browser = await launchChromium()
  running = await startEmulator({ port: 0, host: '127.0.0.1', now: T0 })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await running?.close()
})

describe('checkout page (browser)', () => {
  it('product: "Subscribe" subscribes and redirects to successUrl', async () => {
    const { subscriptionId: freeId } = await customer('b-product')
    const { checkoutSession, url } = await checkout({
      type: 'product',
      customerExternalId: 'b-product',
      priceSlug: 'pro_monthly',
    })
    expect(url).toBe(`${running.url}/checkout/${checkoutSession.id}`)
    const page = await browser.newPage()
    try {
      await page.goto(url)
      await expect(page.getByRole('button', { name: 'Cancel', exact: true }).count()).resolves.toBe(
        1,
      )
      expect(await page.textContent('body')).toContain('Pro')
      expect(await clickThrough(page, url, 'Subscribe')).toBe(`${running.url}/done/success`)
    } finally {
      await page.close()
    }
    const billing = await api('GET', '/customers/b-product/billing')
    expect(billing.currentSubscription.priceId).toBe(
      billing.pricingModel.products.find((p: { slug: string }) => p.slug === 'pro').prices[0].id,
    )
    expect(
      billing.subscriptions.find((s: { id: string }) => s.id === freeId).cancellationReason,
    ).toBe('upgraded_to_paid')
  })

  it('add_payment_method: completes and stores a card', async () => {
    await customer('b-card')
    const { url } = await checkout({ type: 'add_payment_method', customerExternalId: 'b-card' })
    const page = await browser.newPage()
    try {
      expect(await clickThrough(page, url, 'Complete purchase')).toBe(`${running.url}/done/success`)
    } finally {
      await page.close()
    }
    const billing = await api('GET', '/customers/b-card/billing')
    expect(billing.paymentMethods).toEqual([
      expect.objectContaining({ type: 'card', default: true }),
    ])
  })

  it('activate_subscription: completes and activates the trialing target', async () => {
    const { id } = await customer('b-activate')
    const trial = await api('POST', '/subscriptions', {
      customerId: id,
      priceSlug: 'pro_monthly',
      trialEnd: T0 + 7 * DAY,
    })
    const { url } = await checkout({
      type: 'activate_subscription',
      customerExternalId: 'b-activate',
      targetSubscriptionId: trial.subscription.id,
    })
    const page = await browser.newPage()
    try {
      expect(await clickThrough(page, url, 'Complete purchase')).toBe(`${running.url}/done/success`)
      // The page now says the session is done; there is nothing left to click.
      await page.goto(url)
      expect(await page.textContent('body')).toContain('succeeded')
      expect(await page.getByRole('button', { name: 'Complete purchase' }).count()).toBe(0)
    } finally {
      await page.close()
    }
    const sub = await api('GET', `/subscriptions/${trial.subscription.id}`)
    expect(sub.subscription.status).toBe('active')
  })

  it('"Cancel" redirects to cancelUrl and leaves the session open', async () => {
    await customer('b-cancel')
    const { checkoutSession, url } = await checkout({
      type: 'add_payment_method',
      customerExternalId: 'b-cancel',
    })
    const page = await browser.newPage()
    try {
      expect(await clickThrough(page, url, 'Cancel')).toBe(`${running.url}/done/cancel`)
    } finally {
      await page.close()
    }
    const after = await api('GET', `/checkout-sessions/${checkoutSession.id}`)
    expect(after.checkoutSession.status).toBe('open')
  })
})

describe('dashboard (browser)', () => {
  it('shows meters, balances, invoices and recent events after a scenario', async () => {
    const old = await customer('b-dash-old', 'Old <Customer>')
    await usage(old.subscriptionId, 'api_calls', 250)
    // Close the first period of every subscription so far: one invoice each.
    await fetch(`${running.url}/_emulator/clock`, {
      method: 'POST',
      headers: { authorization: KEY },
      body: JSON.stringify({ advanceMs: 31 * DAY }),
    })
    const fresh = await customer('b-dash', 'Dana')
    await usage(fresh.subscriptionId, 'ai_tokens', 4_000)
    await usage(fresh.subscriptionId, 'api_calls', 120)
    await usage(fresh.subscriptionId, 'active_users', 1, { user: 'u1' })
    await usage(fresh.subscriptionId, 'active_users', 1, { user: 'u2' })
    await usage(fresh.subscriptionId, 'active_users', 1, { user: 'u1' })

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    try {
      // Loopback: no key needed.
      const res = await page.goto(`${running.url}/`)
      expect(res?.status()).toBe(200)
      const cell = (customerId: string, meter: string, field: string) =>
        page
          .locator(
            `[data-customer="${customerId}"] [data-meter="${meter}"] [data-field="${field}"]`,
          )
          .first()
          .textContent()
      expect(await cell('b-dash', 'ai_tokens', 'aggregate')).toBe('4,000')
      expect(await cell('b-dash', 'ai_tokens', 'balance')).toBe('6,000')
      expect(await cell('b-dash', 'api_calls', 'aggregate')).toBe('120')
      expect(await cell('b-dash', 'api_calls', 'balance')).toBe('-120')
      expect(await cell('b-dash', 'active_users', 'aggregate')).toBe('2')
      const oldInvoice = page.locator('[data-customer="b-dash-old"] [data-invoice]')
      expect(await oldInvoice.count()).toBe(1)
      // 250 api_calls at 1 cent per 100 → 3 units.
      expect(await oldInvoice.locator('[data-field="total"]').textContent()).toBe('0.03 USD')
      expect(await page.textContent('[data-customer="b-dash-old"] h2')).toContain('Old <Customer>')
      expect(await page.locator('#events tbody tr').count()).toBe(6)
      expect(await page.textContent('#events tbody tr:first-child')).toContain('active_users')
      mkdirSync(RESULTS, { recursive: true })
      await page.screenshot({ path: resolve(RESULTS, 'dashboard.png'), fullPage: true })
      expect(existsSync(resolve(RESULTS, 'dashboard.png'))).toBe(true)
    } finally {
      await page.close()
    }
  })
})
