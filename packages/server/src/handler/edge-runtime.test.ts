// @vitest-environment edge-runtime
import { describe, expect, it } from 'vitest'
import { createFakeFlowglad } from '../../test/handler/fake-flowglad.js'
import { jsonPost, readEnvelope, upstreamBillingPost } from '../../test/handler/requests.js'
import { createFlowgladHandler } from './index.js'

// The core and the handlers run on edge runtimes (Vercel Edge, Workers): only fetch-standard
// globals and Web Crypto. This suite runs them inside the edge-runtime VM.
describe('route handler core under the edge runtime', () => {
  it('really runs in the edge-runtime VM', () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe('string')
  })

  it('records a usage event with a generated transactionId and answers the envelope', async () => {
    const handler = createFlowgladHandler({
      getCustomerExternalId: () => 'user_edge',
      flowglad: (id) => createFakeFlowglad(id),
      usagePolicy: { allow: ['ai_tokens'], maxAmount: 10 },
    })
    const response = await handler(jsonPost('usage-events/create', { usageMeterSlug: 'ai_tokens' }))
    expect(response.status).toBe(200)
    const { data } = await readEnvelope(response)
    expect(data).toMatchObject({
      usageEvent: { amount: 1, transactionId: expect.stringMatching(/^.{21}$/) },
    })
    expect((await handler(upstreamBillingPost())).status).toBe(200)
    expect(
      (await handler(jsonPost('usage-events/create', { usageMeterSlug: 'api_calls' }))).status,
    ).toBe(403)
  })
})
