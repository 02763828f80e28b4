import { describe, expect, it } from 'vitest'
import { createFakeFlowglad } from '../../test/handler/fake-flowglad.js'
import { jsonPost, readEnvelope } from '../../test/handler/requests.js'
import { createFlowgladHandler } from './create-flowglad-handler.js'

const own = { successUrl: 'https://app.test/ok', cancelUrl: 'http://app.test/cancel' }
const checkouts = [
  ['checkout-sessions/create', { priceSlug: 'pro_monthly' }],
  ['checkout-sessions/create-add-payment-method', {}],
  ['checkout-sessions/create-activate-subscription', { targetSubscriptionId: 'sub_own' }],
] as const

function setup() {
  const server = createFakeFlowglad('user_a')
  const handler = createFlowgladHandler({
    getCustomerExternalId: () => 'user_a',
    flowglad: () => server,
    allowedOrigins: ['https://billing.partner.test'],
  })
  const post = async (path: string, body: unknown) => {
    const response = await handler(jsonPost(path, body))
    return { status: response.status, ...(await readEnvelope(response)) }
  }
  return { server, post }
}

describe('checkout redirect URLs', () => {
  it.each(
    checkouts,
  )('%s accepts http(s) URLs on the app own host or an allowed origin', async (path, body) => {
    const { post } = setup()
    expect((await post(path, { ...body, ...own })).status).toBe(200)
    const partner = { ...own, successUrl: 'https://billing.partner.test/done?x=1' }
    expect((await post(path, { ...body, ...partner })).status).toBe(200)
  })

  it.each(
    checkouts.flatMap(([path, body]) =>
      [
        'https://evil.test/phish',
        'https://app.test.evil.test/ok',
        'http://billing.partner.test/done', // allowed origins compare the scheme too
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
      ].map((cancelUrl) => [path, body, cancelUrl] as const),
    ),
  )('%s refuses cancelUrl %s with 400 validation_error, nothing sent', async (path, body, cancelUrl) => {
    const { post, server } = setup()
    const { status, error } = await post(path, { ...body, ...own, cancelUrl })
    expect([status, error?.code]).toEqual([400, 'validation_error'])
    expect(error?.json.issues).toEqual([expect.objectContaining({ path: ['cancelUrl'] })])
    expect(server.calls.filter((call) => call.method.startsWith('create'))).toEqual([])
  })
})
