// The plugin's end-to-end scenario, run once per Better Auth version (one test file each, so
// every file loads its own `better-auth`).
import { flowgladActions } from '@flowglad/shared'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { actionKeyToEndpointKey } from '../../src/better-auth/endpoint-keys.js'
import type { FlowgladBetterAuthPluginOptions } from '../../src/better-auth/types.js'
import { customersWithExternalId, type startEmulator, storedUsageEvents } from '../emulator.js'
import { postgresServerUrl } from '../postgres/database.js'
import { type AuthApp, appOrigin, createAuthApp } from './auth-app.js'
import type { BetterAuthVersion } from './versions.js'

type Intercept = NonNullable<Parameters<typeof startEmulator>[0]>

/** The API refuses to create customers (a 4xx: no retries); every other call goes through. */
const refuseCustomerCreation: Intercept = (request, next) =>
  request.method === 'POST' && new URL(request.url).pathname === '/api/v1/customers'
    ? Promise.resolve(Response.json({ error: 'refused', code: 'BAD_REQUEST' }, { status: 400 }))
    : next(request)

const urls = { successUrl: `${appOrigin}/ok`, cancelUrl: `${appOrigin}/cancel` }

export function describeBetterAuthPlugin(load: () => Promise<BetterAuthVersion>) {
  let version: BetterAuthVersion
  const apps: AuthApp[] = []
  const appWith = async (
    options: Partial<FlowgladBetterAuthPluginOptions> = {},
    intercept?: Intercept,
  ) => {
    const app = await createAuthApp(version, options, intercept)
    apps.push(app)
    return app
  }
  beforeAll(async () => {
    version = await load()
    await postgresServerUrl() // the first use starts the cluster
  }, 120_000)
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()))
  })

  describe('user customers', () => {
    it('sign-up creates the customer; billing, a usage event and checkout go through the plugin', async () => {
      const app = await appWith()
      const { userId, cookie, status } = await app.signUp('ada')
      expect(status).toBe(200)
      expect(customersWithExternalId(app.api.emulator, userId)).toHaveLength(1)

      const billing = await app.post('/flowglad/customers/billing', {}, cookie)
      expect(billing.status).toBe(200)
      expect(billing.body.error).toBeNull()
      expect(billing.body.data.customer.externalId).toBe(userId)
      const subscriptionId = billing.body.data.currentSubscription.id

      const usage = await app.post(
        '/flowglad/usage-events/create',
        { usageMeterSlug: 'ai_tokens', amount: 5 },
        cookie,
      )
      expect(usage.status).toBe(200)
      expect(usage.body.data.usageEvent.subscriptionId).toBe(subscriptionId)
      expect(storedUsageEvents(app.api.emulator).map((event) => event.amount)).toEqual([5])

      const checkout = await app.post(
        '/flowglad/checkout-sessions/create',
        { ...urls, priceSlug: 'pro_monthly' },
        cookie,
      )
      expect(checkout.status).toBe(200)
      expect(checkout.body.data.checkoutSession).toMatchObject({ type: 'product', status: 'open' })
      expect(customersWithExternalId(app.api.emulator, userId)).toHaveLength(1)
    })

    it('answers 401 without a session and makes no API call', async () => {
      const app = await appWith()
      const answer = await app.post('/flowglad/customers/billing', {})
      expect(answer.status).toBe(401)
      expect(answer.body.error.code).toBe('unauthenticated')
      expect(app.api.requests).toEqual([])
    })

    it('validates input as the route handler does (400 validation_error with issues)', async () => {
      const app = await appWith()
      const { cookie } = await app.signUp('bob')
      const answer = await app.post('/flowglad/usage-events/create', { amount: -3 }, cookie)
      expect(answer.status).toBe(400)
      expect(answer.body.error.code).toBe('validation_error')
      expect(Array.isArray(answer.body.error.json.issues)).toBe(true)
    })

    it("refuses a body naming another customer's externalId (403)", async () => {
      const app = await appWith()
      const { cookie } = await app.signUp('eve')
      const answer = await app.post(
        '/flowglad/customers/billing',
        { externalId: 'someone' },
        cookie,
      )
      expect(answer.status).toBe(403)
      expect(answer.body.error.code).toBe('forbidden')
    })

    it('keeps the CSRF guard: a form-encoded state change is refused', async () => {
      const app = await appWith()
      const { cookie } = await app.signUp('mallory')
      const answer = await app.post(
        '/flowglad/usage-events/create',
        'usageMeterSlug=ai_tokens',
        cookie,
        { 'content-type': 'application/x-www-form-urlencoded' },
      )
      expect(answer.status).toBe(403)
      expect(answer.body.error.code).toBe('csrf_rejected')
      expect(storedUsageEvents(app.api.emulator)).toEqual([])
    })

    it('serves every action of the table, and server-side calls through auth.api', async () => {
      const app = await appWith()
      for (const key of Object.keys(flowgladActions) as (keyof typeof flowgladActions)[]) {
        expect(app.auth.api[actionKeyToEndpointKey[key]]?.path).toBe(`/flowglad/${key}`)
      }
      const { cookie, userId } = await app.signUp('grace')
      const direct = await app.auth.api.getCustomerBilling({ headers: new Headers({ cookie }) })
      expect(direct.data.customer.externalId).toBe(userId)
      const id = await app.get('/flowglad/get-external-id', cookie)
      expect(id.body).toEqual({ externalId: userId })
    })

    it('the hybrid pricing-models/retrieve answers signed out (default model) and signed in', async () => {
      const app = await appWith()
      const signedOut = await app.post('/flowglad/pricing-models/retrieve', {})
      expect(signedOut.status).toBe(200)
      expect(signedOut.body.data.source).toBe('default')
      const { cookie } = await app.signUp('hedy')
      const signedIn = await app.post('/flowglad/pricing-models/retrieve', {}, cookie)
      expect(signedIn.body.data.source).toBe('customer')
    })

    it('a failed customer creation never breaks sign-up; onCustomerCreateError hears of it', async () => {
      const onCustomerCreateError = vi.fn()
      const app = await appWith({ onCustomerCreateError }, refuseCustomerCreation)
      const { userId, status } = await app.signUp('linus')
      expect(status).toBe(200)
      expect(typeof userId).toBe('string')
      expect(onCustomerCreateError).toHaveBeenCalledWith(
        expect.objectContaining({ hook: 'afterSignUp', customerType: 'user' }),
      )
    })
  })

  describe('organisation customers', () => {
    async function orgApp(
      options: Partial<FlowgladBetterAuthPluginOptions> = {},
      intercept?: Intercept,
    ) {
      const app = await appWith({ customerType: 'organization', ...options }, intercept)
      const createOrg = async (cookie: string, name: string) => {
        const answer = await app.post(
          '/organization/create',
          { name, slug: `${name}-${Date.now()}` },
          cookie,
        )
        expect(answer.status).toBe(200)
        return answer.body.id as string
      }
      return { app, createOrg }
    }

    it('the active organisation is the customer, created with the organisation', async () => {
      const { app, createOrg } = await orgApp()
      const { cookie, userId } = await app.signUp('owner')
      expect(customersWithExternalId(app.api.emulator, userId)).toEqual([])
      const orgId = await createOrg(cookie, 'acme')
      const [customer] = customersWithExternalId(app.api.emulator, orgId)
      expect(customer?.name).toBe('acme')
      const billing = await app.post('/flowglad/customers/billing', {}, cookie)
      expect(billing.status).toBe(200)
      expect(billing.body.data.customer.externalId).toBe(orgId)
    })

    it('a failed customer creation never breaks organisation creation', async () => {
      const onCustomerCreateError = vi.fn()
      const { app, createOrg } = await orgApp({ onCustomerCreateError }, refuseCustomerCreation)
      const { cookie } = await app.signUp('ida')
      const orgId = await createOrg(cookie, 'initech')
      expect(customersWithExternalId(app.api.emulator, orgId)).toEqual([])
      expect(onCustomerCreateError).toHaveBeenCalledWith(
        expect.objectContaining({
          hook: 'afterOrganizationCreate',
          customerType: 'organization',
          session: { user: expect.objectContaining({ organizationId: orgId }) },
        }),
      )
    })

    it('without an active organisation: 400, no API call', async () => {
      const { app } = await orgApp()
      const { cookie } = await app.signUp('loner')
      const answer = await app.post('/flowglad/customers/billing', {}, cookie)
      expect(answer.status).toBe(400)
      expect(answer.body.error.json.details).toEqual({ code: 'NO_ACTIVE_ORGANIZATION' })
      expect(app.api.requests).toEqual([])
    })

    it("user A cannot reach organisation B's billing", async () => {
      const { app, createOrg } = await orgApp()
      const a = await app.signUp('alice')
      const b = await app.signUp('bruno')
      await createOrg(a.cookie, 'org-a')
      const orgB = await createOrg(b.cookie, 'org-b')
      // Better Auth refuses to make B's organisation A's active one ...
      const setActive = await app.post(
        '/organization/set-active',
        { organizationId: orgB },
        a.cookie,
      )
      expect(setActive.status).toBeGreaterThanOrEqual(400)
      // ... and a session row pointing there anyway (say, a stale one) is refused by the plugin.
      await app.database.pool.query(
        'UPDATE "session" SET "activeOrganizationId" = $1 WHERE "userId" = $2',
        [orgB, a.userId],
      )
      const callsBefore = app.api.requests.length
      const answer = await app.post('/flowglad/customers/billing', {}, a.cookie)
      expect(answer.status).toBe(403)
      expect(answer.body.error.json.details).toEqual({ code: 'NOT_ORGANIZATION_MEMBER' })
      expect(app.api.requests.length).toBe(callsBefore)
      const own = await app.post('/flowglad/customers/billing', {}, b.cookie)
      expect(own.body.data.customer.externalId).toBe(orgB)
    })
  })
}
