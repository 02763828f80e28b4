import {
  FlowgladActionKey,
  flowgladErrorCatalogue,
  isFlowgladErrorCode,
  usagePropertiesLimits,
  validateUsageProperties,
} from '@flowglad/shared'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEmulatorApp } from '../../test/handler/emulator-app.js'
import { createFakeFlowglad } from '../../test/handler/fake-flowglad.js'
import { jsonPost, readEnvelope } from '../../test/handler/requests.js'
import { createFlowgladHandler } from './create-flowglad-handler.js'

const actionKeys = Object.values(FlowgladActionKey)
const urls = { successUrl: 'https://app.test/ok', cancelUrl: 'https://app.test/no' }

/** One valid body per action, the starting point for mutations. */
const validBodies: Record<FlowgladActionKey, Record<string, unknown>> = {
  'customers/billing': {},
  'customers/find-or-create': { externalId: 'user_a' },
  'customers/update': { externalId: 'user_a', customer: { id: 'cust_1', name: 'Ada' } },
  'checkout-sessions/create': { ...urls, priceSlug: 'pro_monthly' },
  'checkout-sessions/create-add-payment-method': { ...urls },
  'checkout-sessions/create-activate-subscription': { ...urls, targetSubscriptionId: 'sub_own' },
  'subscriptions/cancel': { id: 'sub_own', cancellation: { timing: 'immediately' } },
  'subscriptions/uncancel': { id: 'sub_own' },
  'subscriptions/create': { priceSlug: 'free' },
  'usage-events/create': { usageMeterSlug: 'ai_tokens', amount: 3 },
  'usage-meters/balances': { subscriptionId: 'sub_own' },
  'subscriptions/adjust': { priceSlug: 'pro_monthly', quantity: 2 },
  'pricing-models/retrieve': {},
  'subscriptions/list': { includeHistorical: true },
  'features/access': {},
  'payment-methods/list': {},
  customerDetails: {},
  'invoices/list': { limit: 1 },
  'purchases/list': {},
  'resources/usages': {},
  'resources/usages/retrieve': { resourceSlug: 'seats' },
  'resources/claim': { resourceSlug: 'seats', externalId: 'teammate_1' },
  'resources/release': { resourceSlug: 'seats', quantity: 1 },
  'resources/claims': { resourceSlug: 'seats' },
}

const fieldNames = fc.constantFrom(
  'externalId',
  'customer',
  'id',
  'subscriptionId',
  'amount',
  'transactionId',
  'usageMeterSlug',
  'priceSlug',
  'priceId',
  'usageMeterId',
  'properties',
  'usageDate',
  'cancellation',
  'successUrl',
  'targetSubscriptionId',
  'quantity',
  '__proto__',
  'constructor',
  'customerId',
  'resourceSlug',
  'externalIds',
  'claimIds',
)

const mutatedBody = (key: FlowgladActionKey, maxMutations = 4) =>
  fc
    .array(
      fc.oneof(
        fc.record({ op: fc.constant('delete' as const), field: fieldNames }),
        fc.record({
          op: fc.constant('set' as const),
          field: fieldNames,
          value: fc.jsonValue({ maxDepth: 2 }),
        }),
      ),
      { maxLength: maxMutations },
    )
    .map((ops) => {
      const body: Record<string, unknown> = structuredClone(validBodies[key])
      for (const op of ops) {
        if (op.op === 'delete') delete body[op.field]
        else
          Object.defineProperty(body, op.field, {
            value: op.value,
            enumerable: true,
            writable: true,
            configurable: true,
          })
      }
      return JSON.stringify(body)
    })

const bodyText = (key: FlowgladActionKey) =>
  fc.oneof(
    mutatedBody(key),
    fc.json({ maxDepth: 3 }),
    fc.string({ maxLength: 40 }),
    fc.constant(''),
  )

const arbitraryPath = fc.oneof(
  fc.constantFrom(...actionKeys),
  fc.constantFrom(...actionKeys).map((key) => `${key}/`),
  fc.string({ maxLength: 24 }).map((text) => encodeURIComponent(text)),
  fc.constantFrom(
    'customers',
    'customers/billing/x',
    '../customers/billing',
    '%2e%2e',
    'usage-events//create',
  ),
)

const chaoticRequest = fc.record({
  key: fc.constantFrom(...actionKeys),
  pathOverride: fc.option(arbitraryPath, { nil: undefined }),
  method: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'POST',
        'POST',
        'POST',
        'GET',
        'PUT',
        'DELETE',
        'PATCH',
        'OPTIONS',
        'HEAD',
        'post',
        'PROPFIND',
      ),
    },
    // Any other HTTP token fetch lets a Request carry (CONNECT, TRACE and TRACK it forbids).
    {
      weight: 1,
      arbitrary: fc
        .stringMatching(/^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,9}$/)
        .filter((method) => !['CONNECT', 'TRACE', 'TRACK'].includes(method.toUpperCase())),
    },
  ),
  contentType: fc.option(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'APPLICATION/JSON',
      '',
    ),
    { nil: undefined },
  ),
  origin: fc.option(
    fc.constantFrom(
      'http://app.test',
      'https://evil.test',
      'null',
      'not a url',
      'http://app.test:8080',
      'https://web.example.com',
    ),
    { nil: undefined },
  ),
  extraHeaders: fc.array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('x-forwarded-host', 'cookie', 'content-length', 'accept', 'host'),
        fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
      ),
      fc.stringMatching(/^[!-~][ -~]{0,29}$/),
    ),
    { maxLength: 3 },
  ),
  signedIn: fc.boolean(),
  hint: fc.option(fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }), { nil: undefined }),
  seed: fc.nat(),
})

/** Same-origin, signed-in JSON POSTs with lightly mutated bodies: reaches the handlers. */
const plausibleRequest = fc.record({
  key: fc.constantFrom(...actionKeys),
  pathOverride: fc.constant(undefined),
  method: fc.constant('POST'),
  contentType: fc.constant('application/json'),
  origin: fc.constantFrom('http://app.test', undefined),
  extraHeaders: fc.constant([]),
  signedIn: fc.constant(true),
  hint: fc.constant(undefined),
  seed: fc.nat(),
  plausible: fc.constant(true),
})

const request = fc.oneof(
  chaoticRequest.map((r) => ({ ...r, plausible: false })),
  plausibleRequest,
)

describe('fuzz: arbitrary requests always get a well-formed 2xx/4xx envelope', () => {
  const handler = createFlowgladHandler({
    getCustomerExternalId: (req: Request) =>
      req.headers.get('x-signed-in') === 'yes' ? 'user_a' : null,
    flowglad: (id) => createFakeFlowglad(id),
    flowgladAdmin: () => ({ getDefaultPricingModel: async () => ({ pricingModel: {} as never }) }),
    allowedOrigins: ['https://web.example.com'],
    usagePolicy: { allow: ['ai_tokens', 'pro_monthly'], maxAmount: 1000 },
  })

  it('holds for 2,500 generated requests across every action', async () => {
    const hits = new Set<string>()
    await fc.assert(
      fc.asyncProperty(request, fc.context(), async (r, ctx) => {
        // Plausible requests reach the body parser, so they also carry arbitrary text and JSON.
        const bodies = r.plausible
          ? fc.oneof(mutatedBody(r.key, 1), bodyText(r.key))
          : bodyText(r.key)
        const body = fc.sample(bodies, { numRuns: 1, seed: r.seed })[0] ?? ''
        const path = r.pathOverride ?? r.key
        const headers = new Headers()
        if (r.contentType !== undefined) headers.set('content-type', r.contentType)
        if (r.origin !== undefined) headers.set('origin', r.origin)
        for (const [name, value] of r.extraHeaders) headers.set(name, value)
        if (r.signedIn) headers.set('x-signed-in', 'yes')
        const hasBody = r.method.toUpperCase() !== 'GET' && r.method.toUpperCase() !== 'HEAD'
        const req = new Request(`http://app.test/api/flowglad/${path}`, {
          method: r.method,
          headers,
          body: hasBody ? body : undefined,
        })
        ctx.log(`${r.method} ${path} ${body}`)
        const response = await handler(req, r.hint ? { path: r.hint } : undefined)
        expect(response.status >= 200 && response.status < 500).toBe(true)
        expect(response.status === 200 || response.status >= 400).toBe(true)
        const envelope = JSON.parse(await response.text())
        expect(Object.keys(envelope).sort()).toEqual(['data', 'error'])
        if (response.status === 200) {
          expect(envelope.error).toBeNull()
          hits.add(path)
        } else {
          expect(envelope.data).toBeNull()
          expect(isFlowgladErrorCode(envelope.error.code)).toBe(true)
          expect(typeof envelope.error.json.message).toBe('string')
          expect(
            flowgladErrorCatalogue[envelope.error.code as keyof typeof flowgladErrorCatalogue]
              .status,
          ).toBe(response.status)
        }
      }),
      { numRuns: 2500 },
    )
    // Every action was reached and succeeded at least once, so the fuzz is not all rejections.
    for (const key of actionKeys) expect(hits).toContain(key)
  }, 120_000) // a bound for a shared machine, not a speed claim
})

/** JSON text no JavaScript value round-trips exactly: huge integers, overflowing exponents. */
const bigIntLike = fc.oneof(
  fc.bigInt({ min: 2n ** 64n, max: 2n ** 300n }).map(String),
  fc.constantFrom('1e400', '-1e400', '-0', '1e-400', '9007199254740993'),
)
const leafText = fc.oneof(
  fc.json({ maxDepth: 2 }),
  bigIntLike,
  fc.string({ maxLength: 20 }).map((text) => JSON.stringify(text)),
)
/** Objects or arrays nested up to far past the depth limit, around any leaf. */
const deepText = fc
  .tuple(fc.integer({ min: 1, max: 6_000 }), fc.boolean(), leafText)
  .map(([levels, asArray, leaf]) =>
    asArray
      ? `{"list":${'['.repeat(levels)}${leaf}${']'.repeat(levels)}}`
      : `${'{"a":'.repeat(levels)}${leaf}${'}'.repeat(levels)}`,
  )
/** Around the size limit, with multi-byte characters so bytes and characters differ. */
const largeText = fc
  .tuple(
    fc.integer({ min: 0, max: 2 * usagePropertiesLimits.maxBytes }),
    fc.constantFrom('x', 'é', '😀'),
  )
  .map(([bytes, char]) => {
    const width = new TextEncoder().encode(char).length
    return JSON.stringify({ blob: char.repeat(Math.floor(bytes / width)) })
  })
const propertiesText = fc.oneof(
  deepText,
  largeText,
  fc
    .dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }))
    .map((value) => JSON.stringify(value)),
  fc
    .tuple(fc.string({ maxLength: 8 }), bigIntLike)
    .map(([key, number]) => `{${JSON.stringify(key)}:${number}}`),
)
const usageBody = (properties: string) =>
  `{"usageMeterSlug":"ai_tokens","properties":${properties}}`

describe('fuzz: deep, large and BigInt-like usage properties', () => {
  it('are 200 exactly when the shared rule accepts them, else 400 validation_error (fake server)', async () => {
    const handler = createFlowgladHandler({
      getCustomerExternalId: () => 'user_a',
      flowglad: (id) => createFakeFlowglad(id),
    })
    await fc.assert(
      fc.asyncProperty(propertiesText, async (properties) => {
        const response = await handler(jsonPost('usage-events/create', usageBody(properties)))
        const { error } = await readEnvelope(response)
        const accepted = validateUsageProperties(JSON.parse(properties)) === null
        expect(response.status).toBe(accepted ? 200 : 400)
        if (!accepted) {
          expect(error?.code).toBe('validation_error')
          expect(Array.isArray(error?.json.issues)).toBe(true)
        }
      }),
      { numRuns: 400 },
    )
  }, 120_000)

  it('never reach a 5xx through the real server SDK and REST client (emulator)', async () => {
    const app = createEmulatorApp()
    await app.call('user_a', 'customers/billing')
    await fc.assert(
      fc.asyncProperty(propertiesText, async (properties) => {
        const { status, error } = await app.call(
          'user_a',
          'usage-events/create',
          usageBody(properties),
        )
        expect([200, 400], JSON.stringify(error)).toContain(status)
      }),
      { numRuns: 150 },
    )
  }, 120_000)
})
