import { FlowgladApiError, type FlowgladServer } from '@flowglad/server'
import { FlowgladError } from '@flowglad/shared'
import { describe, expect, it } from 'vitest'
import {
  mcpHandlerWithFlowglad,
  toolWithFeatureAccessCheck,
  toolWithUsageBalanceCheck,
} from '../server.js'

// The refusal and failure paths, called directly (the loopback test drives the happy paths
// through a real MCP client).
type Billing = Awaited<ReturnType<FlowgladServer['getBilling']>>
const ran = async () => ({ content: [{ type: 'text' as const, text: 'ran' }] })
const apiFailure = new FlowgladApiError({
  status: 503,
  apiCode: 'UNAVAILABLE',
  requestId: 'req_1',
  body: 'stack trace at db.internal:5432',
  message: 'stack trace at db.internal:5432',
})

function flowgladWith(
  billing: Partial<Billing> | Error,
  checkout?: () => Promise<{ url: string }>,
) {
  return {
    getBilling: async () => {
      if (billing instanceof Error) throw billing
      return billing as Billing
    },
    createCheckoutSession: (checkout ?? (async () => ({ url: 'https://pay.test/c' }))) as never,
  }
}

const featureParams = {
  featureSlug: 'advanced_models',
  upgradePriceSlug: 'pro_monthly',
  successUrl: 'https://app.test/ok',
  cancelUrl: 'https://app.test/no',
}
const noFeature = { checkFeatureAccess: () => false, getPrice: () => null }

describe('toolWithFeatureAccessCheck failures', () => {
  it('an unknown upgrade price refuses and says so', async () => {
    const tool = toolWithFeatureAccessCheck(ran, {
      ...featureParams,
      flowgladServer: flowgladWith(noFeature),
    })
    const result = await tool()
    expect(result).toMatchObject({
      isError: true,
      structuredContent: {
        flowgladRefusal: { reason: 'upgrade_price_not_found', upgradePriceSlug: 'pro_monthly' },
      },
    })
    expect(result.content[0].text).toContain(
      "upgrade price 'pro_monthly' is not in the pricing model",
    )
  })

  it('an API failure becomes a refusal with the catalogue wording, not the API text', async () => {
    const reported: unknown[] = []
    const tool = toolWithFeatureAccessCheck(ran, {
      ...featureParams,
      flowgladServer: flowgladWith(apiFailure),
      onError: (error) => reported.push(error),
    })
    const result = await tool()
    expect(result).toMatchObject({
      isError: true,
      structuredContent: {
        flowgladRefusal: { reason: 'flowglad_error', code: 'upstream_unavailable' },
      },
    })
    const text = result.content[0].text
    expect(text).toContain("Could not check access to the 'advanced_models' feature")
    expect(text).toContain('upstream_unavailable')
    expect(text).not.toContain('db.internal')
    expect(reported).toEqual([apiFailure])
  })

  it('our own 4xx error from the checkout reaches the caller verbatim', async () => {
    const billing = { checkFeatureAccess: () => false, getPrice: () => ({ id: 'price_1' }) }
    const refusedCheckout = async () => {
      throw new FlowgladError('validation_error', 'Invalid checkout: successUrl must be a URL')
    }
    const tool = toolWithFeatureAccessCheck(ran, {
      ...featureParams,
      flowgladServer: flowgladWith(billing as never, refusedCheckout),
    })
    const result = await tool()
    expect(result.content[0].text).toContain('Invalid checkout: successUrl must be a URL')
  })

  it('a non-Flowglad throw says nothing of itself', async () => {
    const tool = toolWithFeatureAccessCheck(ran, {
      ...featureParams,
      flowgladServer: flowgladWith(new Error('password=hunter2')),
    })
    const result = await tool()
    expect(result).toMatchObject({
      structuredContent: { flowgladRefusal: { code: 'internal_error' } },
    })
    expect(result.content[0].text).not.toContain('hunter2')
  })
})

describe('toolWithUsageBalanceCheck', () => {
  const withBalance = (availableBalance: number | null) =>
    flowgladWith({
      checkUsageBalance: () => (availableBalance === null ? null : { availableBalance }),
    })

  it('runs at exactly minimumBalance and refuses below it', async () => {
    const enough = toolWithUsageBalanceCheck(ran, 'ai_tokens', {
      flowgladServer: withBalance(100),
      minimumBalance: 100,
    })
    expect(await enough()).toEqual(await ran())
    const short = toolWithUsageBalanceCheck(ran, 'ai_tokens', {
      flowgladServer: withBalance(99),
      minimumBalance: 100,
    })
    expect(await short()).toMatchObject({
      isError: true,
      structuredContent: {
        flowgladRefusal: {
          reason: 'insufficient_usage_balance',
          availableBalance: 99,
          minimumBalance: 100,
        },
      },
    })
  })

  it('a Flowglad failure is a refusal, never a throw', async () => {
    const tool = toolWithUsageBalanceCheck(ran, 'ai_tokens', { flowgladServer: withBalance(0) })
    const failing = toolWithUsageBalanceCheck(ran, 'ai_tokens', {
      flowgladServer: flowgladWith(apiFailure),
    })
    expect(await tool()).toMatchObject({ isError: true })
    expect(await failing()).toMatchObject({
      structuredContent: {
        flowgladRefusal: { reason: 'flowglad_error', code: 'upstream_unavailable' },
      },
    })
  })

  it("upstream's two-argument form outside mcpHandlerWithFlowglad refuses with a how-to", async () => {
    const result = await toolWithUsageBalanceCheck(ran, 'ai_tokens')()
    expect(result).toMatchObject({
      structuredContent: { flowgladRefusal: { reason: 'flowglad_server_missing' } },
    })
    expect(result.content[0].text).toContain('register the tool inside mcpHandlerWithFlowglad')
  })

  it('a bad minimumBalance is a typed error when the tool is wrapped', () => {
    for (const minimumBalance of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => toolWithUsageBalanceCheck(ran, 'ai_tokens', { minimumBalance })).toThrow(
        expect.objectContaining({ code: 'validation_error' }),
      )
    }
  })
})

describe('mcpHandlerWithFlowglad failures', () => {
  const request = () =>
    new Request('http://127.0.0.1/mcp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    })

  it("makeFlowglad's typed refusal is a JSON-RPC error with its status and message", async () => {
    const handler = mcpHandlerWithFlowglad(
      () => {},
      () => {
        throw new FlowgladError('unauthenticated', 'Sign in to use these tools')
      },
    )
    const response = await handler(request())
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      error: { code: -32000, message: 'Sign in to use these tools' },
      id: null,
    })
  })

  it('a throwing register answers 500 (and reaches onError) instead of hanging', async () => {
    const reported: unknown[] = []
    const bug = new Error('typo in a tool schema')
    const handler = mcpHandlerWithFlowglad(
      () => {
        throw bug
      },
      () => ({}) as FlowgladServer,
      { onError: (error) => reported.push(error) },
    )
    const response = await handler(request())
    expect(response.status).toBe(500)
    const body = (await response.json()) as { error: { message: string } }
    expect(body.error.message).toBe('The MCP tools could not be registered')
    expect(reported).toEqual([bug])
  })
})
