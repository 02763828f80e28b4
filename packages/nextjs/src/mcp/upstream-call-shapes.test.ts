import type { NextRequest } from 'next/server'
import type * as Upstream from 'upstream-nextjs/server'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  type FeatureAccessCheckParams,
  FlowgladServer,
  mcpHandlerWithFlowglad,
  toolWithFeatureAccessCheck,
  toolWithUsageBalanceCheck,
} from '../server.js'

// Code written for upstream 0.18's MCP helpers compiles against ours (checked by the package's
// `tsc` run) and gets the same kinds of values back.
type UpstreamFeatureParams = Parameters<typeof Upstream.toolWithFeatureAccessCheck>[1]

const flowglad = new FlowgladServer({
  customerExternalId: 'user_1',
  getCustomerDetails: () => ({ name: 'User 1', email: 'user_1@example.test' }),
  apiKey: 'sk_test_shapes',
})
const tool = async () => ({ content: [{ type: 'text' as const, text: 'ran' }] })

describe("upstream 0.18's MCP call shapes", () => {
  it('the feature check takes the same parameter names', () => {
    expectTypeOf<Exclude<keyof UpstreamFeatureParams, keyof FeatureAccessCheckParams>>().toBeNever()
    const wrapped = toolWithFeatureAccessCheck(tool, {
      featureSlug: 'advanced_models',
      flowgladServer: flowglad,
      upgradePriceSlug: 'pro_monthly',
      successUrl: 'https://app.test/ok',
      cancelUrl: 'https://app.test/no',
    })
    expect(typeof wrapped).toBe('function')
  })

  it('the balance check takes (callback, slug) and the handler a NextRequest maker', () => {
    expect(typeof toolWithUsageBalanceCheck(tool, 'ai_tokens')).toBe('function')
    const handler = mcpHandlerWithFlowglad(
      (server, billing) => {
        server.tool('generate', 'Generate', {}, toolWithUsageBalanceCheck(tool, 'ai_tokens'))
        expectTypeOf(billing).toEqualTypeOf<FlowgladServer>()
      },
      async (_request: NextRequest) => flowglad,
    )
    expectTypeOf(handler).toEqualTypeOf<(request: NextRequest) => Promise<Response>>()
  })
})
