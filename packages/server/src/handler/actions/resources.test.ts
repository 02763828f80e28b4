import { describe, expect, it } from 'vitest'
import { createFakeFlowglad } from '../../../test/handler/fake-flowglad.js'
import { jsonPost, readEnvelope } from '../../../test/handler/requests.js'
import { createFlowgladHandler } from '../create-flowglad-handler.js'
import { routeToHandlerMap } from '../route-to-handler-map.js'

// The five resources/* routes with a fake server: validated once at the edge (400, the server
// never called), `externalId` names the claim's holder (never "another customer"), and the
// server's own refusals keep their catalogue status.

function app() {
  const fake = createFakeFlowglad('user_a')
  const handler = createFlowgladHandler({
    getCustomerExternalId: () => 'user_a',
    flowglad: () => fake,
  })
  const post = async (path: string, body: unknown) => {
    const response = await handler(jsonPost(path, body))
    return { status: response.status, ...(await readEnvelope(response)) }
  }
  const methods = () => fake.calls.map((call) => call.method)
  return { post, methods, fake }
}

const valid: [string, string, object][] = [
  ['resources/usages', 'getResourceUsages', {}],
  ['resources/usages/retrieve', 'getResourceUsage', { resourceSlug: 'seats' }],
  ['resources/claim', 'claimResource', { resourceSlug: 'seats', externalId: 'teammate_1' }],
  ['resources/release', 'releaseResource', { resourceSlug: 'seats', externalIds: ['teammate_1'] }],
  ['resources/claims', 'listResourceClaims', { resourceSlug: 'seats' }],
]

describe('resources/* routes', () => {
  it.each(valid)('%s: parsed input reaches FlowgladServer.%s', async (path, method, body) => {
    const { post, fake } = app()
    const { status, error } = await post(path, body)
    expect([status, error]).toEqual([200, null])
    expect(fake.calls.find((call) => call.method === method)?.args).toEqual([body])
  })

  it('claims by externalId are not mistaken for naming another customer', async () => {
    const { post } = app()
    for (const path of ['resources/claim', 'resources/release']) {
      const { status } = await post(path, { resourceSlug: 'seats', externalId: 'someone_else' })
      expect(status).toBe(200)
    }
    // Elsewhere an externalId other than the session's is still refused, before validation.
    const { status, error } = await post('resources/usages', { externalId: 'user_b' })
    expect([status, error?.code]).toEqual([403, 'forbidden'])
  })

  const invalid: [string, unknown][] = [
    ['resources/claim', { resourceSlug: 'seats' }],
    ['resources/claim', { resourceSlug: 'seats', quantity: 2, externalIds: ['a'] }],
    ['resources/claim', { resourceSlug: 'seats', quantity: -1 }],
    ['resources/claim', { resourceSlug: 'seats', externalId: 'x'.repeat(256) }],
    ['resources/claim', { resourceSlug: 'seats', quantity: 1, metadata: { deep: { a: 1 } } }],
    ['resources/claim', { quantity: 1 }],
    ['resources/release', { resourceSlug: 'seats' }],
    ['resources/release', { resourceSlug: 'seats', claimIds: [] }],
    ['resources/release', { resourceSlug: 'seats', quantity: 1, claimIds: ['rc_1'] }],
    ['resources/usages/retrieve', {}],
    ['resources/usages/retrieve', { resourceSlug: 'seats', resourceId: 'res_1' }],
    ['resources/usages', { subscriptionId: '' }],
    ['resources/claims', { resourceSlug: 3 }],
    ['resources/claims', [1, 2]],
  ]

  it.each(
    invalid,
  )('%s %j: 400 validation_error, the server is never called', async (path, body) => {
    const { post, methods } = app()
    const { status, error } = await post(path, body)
    expect([status, error?.code]).toEqual([400, 'validation_error'])
    expect(Array.isArray(error?.json.issues)).toBe(true)
    expect(methods()).toEqual([])
  })

  it("another customer's subscription: 403 forbidden on every action", async () => {
    const { post } = app()
    for (const [path, , body] of valid) {
      const { status, error } = await post(path, { ...body, subscriptionId: 'sub_of_b' })
      expect([path, status, error?.code]).toEqual([path, 403, 'forbidden'])
    }
  })

  it('only POST; routeToHandlerMap has all five, with the same validation', async () => {
    const { fake } = app()
    for (const [path] of valid) {
      const handler = routeToHandlerMap[path as 'resources/claim']
      expect((await handler({ method: 'GET', data: {} }, fake)).status).toBe(405)
      expect((await handler({ method: 'POST', data: { nope: 1 } }, fake)).status).toBe(400)
    }
    const claimed = await routeToHandlerMap['resources/claim'](
      { method: 'POST', data: { resourceSlug: 'seats', externalId: 'teammate_9' } },
      fake,
    )
    expect(claimed.status).toBe(200)
  })
})
