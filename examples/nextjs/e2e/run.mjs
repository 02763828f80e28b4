// Browser end-to-end test of the demo app: emulator + `next start` on loopback, headless Chromium
// driven by Playwright. Expects `next build` to have run. Closes with `N passed, N failed`.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parsePricingText } from '@flowglad/emulator'
import { startEmulator } from '@flowglad/emulator/node'
import { launchChromium } from '../../../scripts/chromium.mjs'
import { assert, assertEqual, createHarness } from './harness.mjs'
import { startNextApp } from './servers.mjs'

const artifacts = fileURLToPath(new URL('../test-results/', import.meta.url))
const secretKey = 'sk_test_e2e'

mkdirSync(artifacts, { recursive: true })

async function eventually(read, check, message, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  let last
  while (Date.now() < deadline) {
    last = await read()
    if (check(last)) return last
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${message} (last value: ${JSON.stringify(last)})`)
}

function scenario() {
  const t = createHarness()
  const used = (page, slug) =>
    page.getByTestId(`meter-${slug}`).getAttribute('data-used').then(Number)
  const text = (page, id) => page.getByTestId(id).innerText()

  // Usage events of one customer on one meter, read straight from the emulator's tables.
  const eventsOf = (emulator, externalId, meterSlug) => {
    const { tables } = emulator.state
    const customer = [...tables.customers.values()].find((row) => row.externalId === externalId)
    const meter = [...tables.usageMeters.values()].find((row) => row.slug === meterSlug)
    return [...tables.usageEvents.values()].filter(
      (event) => event.customerId === customer?.id && event.usageMeterId === meter?.id,
    )
  }

  // Clicks an action button and waits until its result message changes.
  async function act(page, testId, expected) {
    const before = await page
      .getByTestId('last-result')
      .innerText()
      .catch(() => '')
    await page.getByTestId(testId).click()
    return eventually(
      () =>
        page
          .getByTestId('last-result')
          .innerText()
          .catch(() => ''),
      (value) => value !== before && expected.test(value),
      `${testId} did not report ${expected}`,
    )
  }

  async function actSameMessage(page, testId, emulator, externalId, meterSlug) {
    const count = eventsOf(emulator, externalId, meterSlug).length
    await page.getByTestId(testId).click()
    await eventually(
      () => eventsOf(emulator, externalId, meterSlug).length,
      (n) => n === count + 1,
      `${testId} stored no event`,
    )
    await eventually(() => page.getByTestId(testId).isEnabled(), Boolean, `${testId} stayed busy`)
  }

  const tokensIn = (message) => Number(/using (\d+) tokens/.exec(message)?.[1])

  t.step('the browser bundle holds no secret, no zod and no server SDK code', async () => {
    const staticDir = fileURLToPath(new URL('../.next/static/', import.meta.url))
    const files = readdirSync(staticDir, { recursive: true }).filter((name) =>
      String(name).endsWith('.js'),
    )
    const text = files.map((name) => readFileSync(join(staticDir, String(name)), 'utf8')).join('\n')
    // Control: the scan reads the client code that does talk to the route handler.
    assert(text.includes('usage-events/create'), 'the client bundle should name the usage route')
    for (const marker of [
      'sk_test_',
      'FLOWGLAD_SECRET_KEY',
      'ZodError',
      'Flowglad API rejected the secret key',
    ]) {
      assert(!text.includes(marker), `the browser bundle contains ${marker}`)
    }
  })

  t.step('signs in as user A and loads the free plan', async ({ page, app }) => {
    await page.goto(app.url)
    await page.getByTestId('sign-in-demo-alice').click()
    await eventually(
      () => text(page, 'advanced-models').catch(() => ''),
      (v) => v === 'locked',
      'billing never loaded',
    )
    assertEqual(await text(page, 'customer-id'), 'Customer demo-alice', 'signed-in customer')
    assertEqual(await used(page, 'ai_tokens'), 0, 'ai_tokens used before any usage')
  })

  t.step('on the Free plan the team card offers no seats', async ({ page }) => {
    await eventually(
      () => page.getByTestId('seats-none').isVisible(),
      Boolean,
      'the Free plan shows seats',
    )
  })

  t.step(
    'generate twice: the ai_tokens bar moves after reload and the emulator holds exactly those events',
    async ({ page, emulator }) => {
      const first = tokensIn(await act(page, 'generate', /Generated text using \d+ tokens/))
      const second = tokensIn(await act(page, 'generate', /Generated text using \d+ tokens/))
      await eventually(
        () => used(page, 'ai_tokens'),
        (n) => n === first + second,
        'ai_tokens bar did not move',
      )
      const amounts = eventsOf(emulator, 'demo-alice', 'ai_tokens')
        .map((event) => event.amount)
        .sort()
      assertEqual(
        JSON.stringify(amounts),
        JSON.stringify([first, second].sort()),
        'stored ai_tokens events',
      )
      await page.screenshot({ path: `${artifacts}/01-generated.png`, fullPage: true })
    },
  )

  t.step('tracking the same active user twice counts once', async ({ page, emulator }) => {
    await actSameMessage(page, 'track-active-user', emulator, 'demo-alice', 'active_users')
    await actSameMessage(page, 'track-active-user', emulator, 'demo-alice', 'active_users')
    assertEqual(
      eventsOf(emulator, 'demo-alice', 'active_users').length,
      2,
      'active_users events stored',
    )
    await eventually(
      () => used(page, 'active_users'),
      (n) => n === 1,
      'active_users should count 1 distinct user',
    )
  })

  t.step('the server action records a burst of api_calls in bulk', async ({ page, emulator }) => {
    await act(page, 'api-burst', /Recorded 25 API calls/)
    assertEqual(eventsOf(emulator, 'demo-alice', 'api_calls').length, 25, 'api_calls events stored')
    await eventually(
      () => used(page, 'api_calls'),
      (n) => n === 25,
      'api_calls bar did not move',
    )
  })

  t.step(
    'upgrades through the checkout page and unlocks advanced_models',
    async ({ page, app }) => {
      await page.getByTestId('upgrade').click()
      await page.waitForURL(/\/checkout\//, { timeout: 15_000 })
      await page.screenshot({ path: `${artifacts}/02-checkout.png`, fullPage: true })
      await page.getByRole('button', { name: 'Subscribe', exact: true }).click()
      await page.waitForURL(
        (url) => url.href.startsWith(app.url) && url.search.includes('checkout=success'),
        { timeout: 15_000 },
      )
      await eventually(
        () => text(page, 'advanced-models').catch(() => ''),
        (v) => v === 'unlocked',
        'advanced_models still locked',
      )
      assertEqual(
        await used(page, 'ai_tokens'),
        0,
        'the Pro subscription starts with no ai_tokens usage',
      )
    },
  )

  t.step(
    'Pro grants 3 seats: invite teammates (twice the same holds one), a full team refuses, remove frees one',
    async ({ page, emulator }) => {
      const seat = (id) => text(page, id).then(Number)
      await eventually(
        () => seat('seats-capacity').catch(() => -1),
        (n) => n === 3,
        'Pro shows no seats',
      )
      // Submits the invite form and waits until it settled (the field clears on success).
      const invite = async (id) => {
        await page.getByTestId('teammate-id').fill(id)
        await page.getByTestId('invite').click()
        await eventually(
          async () =>
            (await page.getByTestId('teammate-id').inputValue()) === '' ||
            (await page.getByTestId('seats-problem').isVisible()),
          Boolean,
          `inviting ${id} never settled`,
        )
      }
      const teammates = () =>
        page
          .getByTestId('teammate')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-teammate')).sort())
      await invite('ada@team.test')
      await invite('grace@team.test')
      await invite('ada@team.test')
      await eventually(teammates, (list) => list.length === 2, 'two teammates listed')
      assertEqual(await seat('seats-claimed'), 2, 'the same teammate twice holds one seat')
      await invite('linus@team.test')
      await eventually(
        () => seat('seats-available'),
        (n) => n === 0,
        'the team is not full',
      )
      await invite('margaret@team.test')
      assert(
        (await text(page, 'seats-problem')).includes('no seats left'),
        'a full team refuses the invite',
      )
      assertEqual(await seat('seats-claimed'), 3, 'the refused invite claimed nothing')
      await page.getByTestId('remove-grace@team.test').click()
      await eventually(
        () => seat('seats-available'),
        (n) => n === 1,
        'removing freed no seat',
      )
      assertEqual(
        JSON.stringify(await teammates()),
        JSON.stringify(['ada@team.test', 'linus@team.test']),
        'teammates after the removal',
      )
      const held = [...emulator.state.tables.resourceClaims.values()]
        .filter((claim) => claim.releasedAt === null && claim.expiredAt === null)
        .map((claim) => claim.externalId)
        .sort()
      assertEqual(
        JSON.stringify(held),
        JSON.stringify(['ada@team.test', 'linus@team.test']),
        'the emulator holds exactly those seats',
      )
      await page.screenshot({ path: `${artifacts}/02b-seats.png`, fullPage: true })
    },
  )

  t.step(
    'the checkout reaches the app as a verified webhook, shown in the dev panel',
    async ({ page, emulator }) => {
      const delivered = await eventually(
        () =>
          emulator.webhooks
            .deliveries()
            .filter((delivery) => delivery.eventType === 'purchase.completed'),
        (list) => list.some((delivery) => delivery.status === 'succeeded'),
        'no purchase.completed delivery succeeded',
      )
      assertEqual(delivered[0].attempts.at(-1).status, 200, 'the app route answered 200')
      await eventually(
        async () => {
          await page.getByTestId('refresh-webhooks').click()
          return page
            .locator('[data-testid="webhook-event"]')
            .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-type')))
        },
        (types) => types.includes('purchase.completed') && types.includes('subscription.created'),
        'the dev panel shows no purchase.completed webhook',
      )
      // The signing secret stays on the server: no chunk the browser loads contains it.
      const staticDir = fileURLToPath(new URL('../.next/static/', import.meta.url))
      const chunks = readdirSync(staticDir, { recursive: true }).filter((name) =>
        String(name).endsWith('.js'),
      )
      for (const name of chunks) {
        const code = readFileSync(join(staticDir, String(name)), 'utf8')
        assert(!/whsec_|FLOWGLAD_WEBHOOK_SECRET/.test(code), `${name} holds the webhook secret`)
      }
    },
  )

  t.step(
    'buys a token pack: the checkout says Buy, the ai_tokens balance grows by 100,000 at once',
    async ({ page, app, emulator }) => {
      const balance = () =>
        page.getByTestId('meter-ai_tokens').getAttribute('data-balance').then(Number)
      const before = await balance()
      const usedBefore = await used(page, 'ai_tokens')
      assertEqual(await text(page, 'token-packs'), '0', 'token packs before buying')
      await page.getByTestId('buy-token-pack').click()
      await page.waitForURL(/\/checkout\//, { timeout: 15_000 })
      const checkoutText = await page.textContent('body')
      assert(checkoutText.includes('10.00 USD, one-time payment'), 'the page shows the amount')
      await page.screenshot({ path: `${artifacts}/03-top-up-checkout.png`, fullPage: true })
      await page.getByRole('button', { name: 'Buy', exact: true }).click()
      await page.waitForURL(
        (url) => url.href.startsWith(app.url) && url.search.includes('checkout=success'),
        { timeout: 15_000 },
      )
      await eventually(balance, (n) => n === before + 100_000, 'the balance did not grow')
      assertEqual(await text(page, 'token-packs'), '1', 'hasPurchased("token_pack")')
      assertEqual(await used(page, 'ai_tokens'), usedBefore, 'a top-up is not usage')
      const purchases = [...emulator.state.tables.purchases.values()]
      assertEqual(purchases.length, 1, 'the emulator recorded one purchase')
      assertEqual(purchases[0].firstInvoiceValue, 1000, 'the purchase cost $10')
    },
  )

  t.step('advancing a month invoices the Pro period for exactly its usage', async ({ page }) => {
    await act(page, 'track-active-user', /Tracked active user/)
    await act(page, 'api-burst', /Recorded 25 API calls/)
    await act(page, 'generate', /Generated text using \d+ tokens/)
    await act(page, 'advance-month', /Advanced the emulator clock/)
    const subscriptionId = await page.getByTestId('subscription-id').innerText()
    const invoice = page.locator(`[data-testid="invoice"][data-subscription="${subscriptionId}"]`)
    await eventually(
      () => invoice.count(),
      (n) => n === 1,
      'no invoice for the Pro subscription',
    )
    // $20.00 recurring + 1 distinct active user at $5.00 + 25 API calls (1 unit of 100 at 1¢);
    // the ai_tokens usage is covered by Pro's 1,000,000-token grant.
    assertEqual(
      Number(await invoice.getAttribute('data-total')),
      2000 + 500 + 1,
      'invoice total in cents',
    )
    await page.screenshot({ path: `${artifacts}/04-invoice.png`, fullPage: true })
  })

  t.step('cancel schedules the end of the period and resume undoes it', async ({ page }) => {
    await act(page, 'cancel', /Cancellation scheduled/)
    await eventually(
      () => text(page, 'subscription-status'),
      (v) => v === 'cancellation_scheduled',
      'cancel did not apply',
    )
    await act(page, 'resume', /Subscription resumed/)
    await eventually(
      () => text(page, 'subscription-status'),
      (v) => v === 'active',
      'resume did not apply',
    )
  })

  t.step('user B sees none of user A’s usage or invoices', async ({ page }) => {
    await page.getByTestId('sign-out').click()
    await page.getByTestId('sign-in-demo-bob').click()
    await eventually(
      () => text(page, 'customer-id').catch(() => ''),
      (v) => v === 'Customer demo-bob',
      'B never loaded',
    )
    for (const slug of ['ai_tokens', 'api_calls', 'active_users'])
      assertEqual(await used(page, slug), 0, `B's ${slug}`)
    assertEqual(await page.getByTestId('invoice').count(), 0, "B's invoices")
    assertEqual(await text(page, 'advanced-models'), 'locked', "B's advanced_models")
    await page.screenshot({ path: `${artifacts}/05-user-b.png`, fullPage: true })
  })

  t.step(
    'the Pages Router route serves the same protocol for the signed-in user',
    async ({ page }) => {
      const answer = await page.evaluate(async () => {
        const response = await fetch('/api/flowglad-pages/customers/billing', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
        return { status: response.status, body: await response.json() }
      })
      assertEqual(answer.status, 200, 'pages route status')
      assertEqual(answer.body.data?.customer?.externalId, 'demo-bob', 'pages route customer')
      assertEqual(answer.body.error, null, 'pages route error')
    },
  )

  t.step('both routes refuse the unauthenticated and the cross-site', async ({ app }) => {
    for (const path of [
      '/api/flowglad/customers/billing',
      '/api/flowglad-pages/customers/billing',
    ]) {
      const response = await fetch(`${app.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
      assertEqual(response.status, 401, `${path} without a session`)
      assertEqual((await response.json()).error?.code, 'unauthenticated', `${path} error code`)
    }
    const forged = await fetch(`${app.url}/api/flowglad/usage-events/create`, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain',
        origin: 'https://evil.example',
        cookie: 'demo_user=demo-alice',
      },
      body: JSON.stringify({ usageMeterSlug: 'ai_tokens', amount: 1 }),
    })
    assertEqual(forged.status, 403, 'cross-site form post')
    assertEqual((await forged.json()).error?.code, 'csrf_rejected', 'cross-site error code')
  })

  t.step(
    'user B starts the Team trial: Subscribe, 14 days free, trialing',
    async ({ page, app }) => {
      await page.goto(app.url)
      await page.getByTestId('start-trial').click()
      await page.waitForURL(/\/checkout\//, { timeout: 15_000 })
      const checkoutText = await page.textContent('body')
      assert(checkoutText.includes('50.00 USD per month'), 'the page shows amount and interval')
      assert(checkoutText.includes('14-day free trial'), 'the page shows the trial')
      await page.getByRole('button', { name: 'Subscribe', exact: true }).click()
      await page.waitForURL(
        (url) => url.href.startsWith(app.url) && url.search.includes('checkout=success'),
        { timeout: 15_000 },
      )
      await eventually(
        () => text(page, 'subscription-status').catch(() => ''),
        (v) => v === 'trialing',
        'the Team subscription is not trialing',
      )
      assertEqual(await text(page, 'plan'), 'Team', 'plan during the trial')
    },
  )
  return t
}

// The demo's pricing model, as `npm run demo` loads it (`--pricing pricing.yaml`).
const pricingPath = fileURLToPath(new URL('../pricing.yaml', import.meta.url))
const pricingModel = parsePricingText(readFileSync(pricingPath, 'utf8'), pricingPath)
const emulator = await startEmulator({ port: 0, pricingModel })
let app
let browser
let outcome = { passed: 0, failed: 1 }
try {
  app = await startNextApp({ emulatorUrl: emulator.url, secretKey })
  browser = await launchChromium()
  console.log(`browser: ${browser.chromiumSource}`)
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
  console.log(`demo app e2e (app ${app.url}, emulator ${emulator.url})`)
  outcome = await scenario().run({ page, app, emulator: emulator.emulator })
  assert(outcome.passed + outcome.failed > 0, 'no steps ran')
} catch (error) {
  console.log(`  ✗ setup failed: ${error?.stack ?? error}`)
} finally {
  await browser?.close()
  if (outcome.failed > 0 && app)
    console.log(`--- next start output ---\n${app.logs().slice(-3000)}`)
  await app?.close()
  await emulator.close()
}
console.log(`${outcome.passed} passed, ${outcome.failed} failed`)
process.exit(outcome.failed === 0 ? 0 : 1)
