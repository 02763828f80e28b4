import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FlowgladServer } from '@flowglad/server'
import { sendWebResponse, toWebRequest } from '@flowglad/server/node-http'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { withMcpAuth } from '@vercel/mcp-adapter'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { emulatorBackedFlowglad } from '../../test/fake-app.js'
import {
  mcpHandlerWithFlowglad,
  toolWithFeatureAccessCheck,
  toolWithUsageBalanceCheck,
} from '../server.js'

// A real MCP client over Streamable HTTP, against `mcpHandlerWithFlowglad` served on loopback
// and backed by the in-process emulator (demo pricing: the free plan grants 10,000 ai_tokens
// and lacks the `advanced_models` feature, which the `pro_monthly` price includes).
const backend = emulatorBackedFlowglad()
const answered = (text: string): CallToolResult => ({ content: [{ type: 'text', text }] })

function registerTools(
  server: Parameters<Parameters<typeof mcpHandlerWithFlowglad>[0]>[0],
  flowglad: FlowgladServer,
) {
  server.tool(
    'advanced_answer',
    'Answers with the advanced model',
    { question: z.string() },
    toolWithFeatureAccessCheck(
      async ({ question }: { question: string }) => answered(`advanced: ${question}`),
      {
        featureSlug: 'advanced_models',
        flowgladServer: flowglad,
        upgradePriceSlug: 'pro_monthly',
        successUrl: 'http://127.0.0.1/upgraded',
        cancelUrl: 'http://127.0.0.1/pricing',
      },
    ),
  )
  // Upstream's two-argument form: the handler binds it to the caller's FlowgladServer.
  server.tool(
    'generate',
    'Spends AI tokens',
    { tokens: z.number().int().positive() },
    toolWithUsageBalanceCheck(async ({ tokens }: { tokens: number }) => {
      const subscriptionId = (await flowglad.getBilling()).currentSubscriptions?.[0]?.id ?? ''
      await flowglad.createUsageEvent({
        subscriptionId,
        usageMeterSlug: 'ai_tokens',
        amount: tokens,
        transactionId: crypto.randomUUID(),
      })
      return answered(`generated with ${tokens} tokens`)
    }, 'ai_tokens'),
  )
  server.registerTool(
    'call_api',
    { description: 'Needs 5 api_calls left', inputSchema: {} },
    toolWithUsageBalanceCheck(async () => answered('called'), 'api_calls', {
      flowgladServer: flowglad,
      minimumBalance: 5,
    }),
  )
}

// A customer whose Flowglad API cannot be reached.
const unreachableFlowglad = (customerExternalId: string) =>
  new FlowgladServer({
    customerExternalId,
    getCustomerDetails: (id) => ({ name: `User ${id}`, email: `${id}@example.test` }),
    apiKey: 'sk_test_nextjs',
    baseURL: 'http://flowglad-down.local',
    fetch: (async () => {
      throw new TypeError('fetch failed')
    }) as typeof fetch,
    maxRetries: 0,
  })

// As the README's route: the adapter's withMcpAuth verifies the bearer token (here simply
// `token_<user id>`) and the handler builds that user's FlowgladServer from request.auth.
const handler = mcpHandlerWithFlowglad(
  registerTools,
  async (request) => {
    const user = String(request.auth?.extra?.userId)
    return user === 'mcp_down' ? unreachableFlowglad(user) : backend.flowglad(user)
  },
  { config: { basePath: '/api' } },
)
const verifyToken = async (_request: Request, bearerToken?: string) => {
  if (!bearerToken?.startsWith('token_')) return undefined
  return {
    token: bearerToken,
    clientId: 'test',
    scopes: [],
    extra: { userId: bearerToken.slice(6) },
  }
}
const authedHandler = withMcpAuth(handler, verifyToken, { required: true })

let httpServer: Server
let mcpUrl: URL

beforeAll(async () => {
  httpServer = createServer(async (req, res) => {
    await sendWebResponse(res, await authedHandler(await toWebRequest(req)))
  })
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  mcpUrl = new URL(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/api/mcp`)
})

afterAll(async () => {
  await new Promise((resolve) => httpServer.close(resolve))
})

async function clientFor(user: string): Promise<Client> {
  const client = new Client({ name: 'flowglad-mcp-test', version: '1.0.0' })
  const transport = new StreamableHTTPClientTransport(mcpUrl, {
    requestInit: { headers: { authorization: `Bearer token_${user}` } },
  })
  await client.connect(transport)
  return client
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult
}

const textOf = (result: CallToolResult) =>
  result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n')

describe('MCP tools behind Flowglad checks (real client, loopback, emulator)', () => {
  it('a client without a valid token is refused before any Flowglad call', async () => {
    const callsBefore = backend.apiCalls.length
    const client = new Client({ name: 'flowglad-mcp-test', version: '1.0.0' })
    const transport = new StreamableHTTPClientTransport(mcpUrl, {
      requestInit: { headers: { authorization: 'Bearer forged' } },
    })
    await expect(client.connect(transport)).rejects.toThrow(/invalid_token/)
    expect(backend.apiCalls.length).toBe(callsBefore)
  })

  it('lists the registered tools', async () => {
    const client = await clientFor('mcp_list')
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'advanced_answer',
      'call_api',
      'generate',
    ])
    await client.close()
  })

  it('without the feature the tool refuses with a checkout link; after upgrading it runs', async () => {
    const client = await clientFor('mcp_feature')
    const refused = await call(client, 'advanced_answer', { question: 'why?' })
    expect(refused.isError).toBe(true)
    const refusal = (refused.structuredContent as { flowgladRefusal: Record<string, unknown> })
      .flowgladRefusal
    expect(refusal).toMatchObject({
      reason: 'feature_access_denied',
      featureSlug: 'advanced_models',
      upgradePriceSlug: 'pro_monthly',
    })
    const checkoutUrl = String(refusal.checkoutUrl)
    expect(checkoutUrl).toMatch(/\/checkout\/\S+$/)
    expect(textOf(refused)).toContain(checkoutUrl)
    expect(textOf(refused)).not.toContain('advanced: why?')
    expect(backend.apiCalls).toContain('POST /api/v1/checkout-sessions')

    // The customer pays for the upgrade at that link.
    const checkoutSessionId = new URL(checkoutUrl).pathname.split('/').pop() ?? ''
    backend.emulator.completeCheckoutSession(checkoutSessionId)

    const ran = await call(client, 'advanced_answer', { question: 'why?' })
    expect(ran.isError).toBeFalsy()
    expect(textOf(ran)).toBe('advanced: why?')
    await client.close()
  })

  it('with balance the tool runs; once the balance is spent it refuses', async () => {
    const client = await clientFor('mcp_balance')
    const first = await call(client, 'generate', { tokens: 10_000 })
    expect(first.isError).toBeFalsy()
    expect(textOf(first)).toBe('generated with 10000 tokens')

    const refused = await call(client, 'generate', { tokens: 1 })
    expect(refused.isError).toBe(true)
    expect(refused.structuredContent).toEqual({
      flowgladRefusal: expect.objectContaining({
        reason: 'insufficient_usage_balance',
        usageMeterSlug: 'ai_tokens',
        availableBalance: 0,
        minimumBalance: 1,
      }),
    })
    expect(textOf(refused)).toContain("Not enough 'ai_tokens' balance")
    await client.close()
  })

  it('a meter with no balance refuses (explicit flowgladServer, registerTool)', async () => {
    const client = await clientFor('mcp_api_calls')
    const refused = await call(client, 'call_api')
    expect(refused.isError).toBe(true)
    expect(textOf(refused)).toContain('0 left, 5 needed')
    await client.close()
  })

  it('a Flowglad outage reaches the caller as a clear tool error', async () => {
    const client = await clientFor('mcp_down')
    for (const [name, args] of [
      ['advanced_answer', { question: 'why?' }],
      ['generate', { tokens: 1 }],
    ] as const) {
      const result = await call(client, name, args)
      expect(result.isError, name).toBe(true)
      expect(result.structuredContent, name).toEqual({
        flowgladRefusal: expect.objectContaining({
          reason: 'flowglad_error',
          code: 'upstream_unavailable',
        }),
      })
      expect(textOf(result), name).toMatch(
        /^Could not .*: Flowglad failed \(upstream_unavailable\)/,
      )
    }
    await client.close()
  })
})
