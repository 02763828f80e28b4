import { describe, expect, it, vi } from 'vitest'
import { createFakeFlowglad } from '../../../test/handler/fake-flowglad.js'
import { jsonPost, readEnvelope } from '../../../test/handler/requests.js'
import { createFlowgladHandler } from '../create-flowglad-handler.js'
import type { UsagePolicy } from '../usage-policy.js'

function setup(subscriptions: string[] = ['sub_own', 'sub_second'], usagePolicy?: UsagePolicy) {
  const server = createFakeFlowglad('user_a', { currentSubscriptionIds: subscriptions })
  const handler = createFlowgladHandler({
    getCustomerExternalId: () => 'user_a',
    flowglad: () => server,
    usagePolicy,
  })
  const post = async (body: unknown) => {
    const response = await handler(jsonPost('usage-events/create', body))
    return { status: response.status, ...(await readEnvelope(response)) }
  }
  const sent = () =>
    server.calls.filter((call) => call.method === 'createUsageEvent').map((call) => call.args[0])
  return { server, post, sent }
}

describe('usage-events/create', () => {
  it('fills amount 1, the current subscription and a nanoid transactionId', async () => {
    const { post, sent } = setup()
    const { status, data } = await post({ usageMeterSlug: 'ai_tokens' })
    expect(status).toBe(200)
    const [event] = sent() as { transactionId: string }[]
    expect(event).toEqual({
      usageMeterSlug: 'ai_tokens',
      amount: 1,
      subscriptionId: 'sub_own',
      transactionId: expect.stringMatching(/^[A-Za-z0-9_-]{21}$/),
    })
    expect(data).toEqual({ usageEvent: { id: 'usage_event_1', ...event } })
  })

  it('keeps the given amount, transactionId, properties and usageDate', async () => {
    const { post, sent } = setup()
    await post({
      priceSlug: 'ai_tokens_price',
      amount: 150,
      transactionId: 'tx_fixed',
      properties: { model: 'big' },
      usageDate: 1_700_000_000_000,
    })
    expect(sent()).toEqual([
      {
        priceSlug: 'ai_tokens_price',
        amount: 150,
        subscriptionId: 'sub_own',
        transactionId: 'tx_fixed',
        properties: { model: 'big' },
        usageDate: 1_700_000_000_000,
      },
    ])
  })

  it('drops null properties and usageDate (null means absent on the wire)', async () => {
    const { post, sent } = setup()
    await post({ usageMeterSlug: 'ai_tokens', properties: null, usageDate: null })
    expect(Object.keys(sent()[0] as object).sort()).toEqual(
      ['amount', 'subscriptionId', 'transactionId', 'usageMeterSlug'].sort(),
    )
  })

  it('generates a different transactionId per request', async () => {
    const { post, sent } = setup()
    await post({ usageMeterSlug: 'ai_tokens' })
    await post({ usageMeterSlug: 'ai_tokens' })
    const [a, b] = sent() as { transactionId: string }[]
    expect(a?.transactionId).not.toBe(b?.transactionId)
  })

  it('accepts one of the customer own, non-default subscriptions', async () => {
    const { post, sent } = setup()
    expect((await post({ usageMeterSlug: 'ai_tokens', subscriptionId: 'sub_second' })).status).toBe(
      200,
    )
    expect(sent()).toMatchObject([{ subscriptionId: 'sub_second' }])
  })

  it('answers 400 missing_subscription_id when the customer has no current subscription', async () => {
    const { post, sent } = setup([])
    const { status, error } = await post({ usageMeterSlug: 'ai_tokens' })
    expect(status).toBe(400)
    expect(error).toEqual({
      code: 'missing_subscription_id',
      json: { message: 'subscriptionId required: no current subscription found' },
    })
    expect(sent()).toEqual([])
  })

  it('answers 403 forbidden for a subscription that is not the customer own, sending nothing', async () => {
    const { post, sent } = setup()
    const { status, error } = await post({
      usageMeterSlug: 'ai_tokens',
      subscriptionId: 'sub_of_b',
    })
    expect(status).toBe(403)
    expect(error?.code).toBe('forbidden')
    expect(sent()).toEqual([])
  })

  it('answers 400 for two identifiers (upstream answered 500)', async () => {
    const { post, sent } = setup()
    const { status, error } = await post({ usageMeterSlug: 'a', priceSlug: 'b' })
    expect(status).toBe(400)
    expect(error?.code).toBe('validation_error')
    expect(sent()).toEqual([])
  })

  it('resolves with one ownership read and one create', async () => {
    const { post, server } = setup()
    await post({ usageMeterSlug: 'ai_tokens' })
    expect(server.calls.map((call) => call.method)).toEqual([
      'getOwnedSubscriptions',
      'createUsageEvent',
    ])
  })
})

describe('usagePolicy', () => {
  it('allow list: lets listed slugs through and refuses others naming the rule', async () => {
    const { post, sent } = setup(undefined, { allow: ['ai_tokens'] })
    expect((await post({ usageMeterSlug: 'ai_tokens' })).status).toBe(200)
    const refused = await post({ usageMeterSlug: 'api_calls' })
    expect(refused.status).toBe(403)
    expect(refused.error).toEqual({
      code: 'forbidden',
      json: {
        message:
          "Usage policy refused the event: usageMeterSlug 'api_calls' is not in usagePolicy.allow",
      },
    })
    expect(sent()).toHaveLength(1)
  })

  it('maxAmount: refuses larger amounts, including the resolved default', async () => {
    const { post } = setup(undefined, { maxAmount: 100 })
    expect((await post({ usageMeterSlug: 'ai_tokens', amount: 100 })).status).toBe(200)
    const refused = await post({ usageMeterSlug: 'ai_tokens', amount: 101 })
    expect(refused.status).toBe(403)
    expect(refused.error?.json.message).toMatch(/amount 101 exceeds usagePolicy\.maxAmount 100/)
    const zeroMax = setup(undefined, { maxAmount: 0 })
    expect((await zeroMax.post({ usageMeterSlug: 'ai_tokens' })).status).toBe(403)
  })

  it('function: gets the resolved event and the customer, may be async', async () => {
    const policy = vi.fn(async (event: { amount: number }) => event.amount < 10)
    const { post, sent } = setup(undefined, policy)
    expect((await post({ usageMeterSlug: 'ai_tokens' })).status).toBe(200)
    expect(policy).toHaveBeenCalledWith(
      expect.objectContaining({
        amount: 1,
        subscriptionId: 'sub_own',
        transactionId: expect.any(String),
      }),
      { customerExternalId: 'user_a' },
    )
    const refused = await post({ usageMeterSlug: 'ai_tokens', amount: 50 })
    expect(refused.status).toBe(403)
    expect(refused.error?.json.message).toMatch(/policy function returned false/)
    expect(sent()).toHaveLength(1)
  })

  it('runs after the ownership check (a foreign subscription is forbidden before policy)', async () => {
    const policy = vi.fn(() => true)
    const { post } = setup(undefined, policy)
    expect((await post({ usageMeterSlug: 'ai_tokens', subscriptionId: 'sub_of_b' })).status).toBe(
      403,
    )
    expect(policy).not.toHaveBeenCalled()
  })
})

describe('usage-events/create: properties that are not plain, bounded JSON', () => {
  const nestedBody = (levels: number) =>
    `{"usageMeterSlug":"ai_tokens","properties":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`

  it('5,000 levels deep (a 30 KB body) is 400 validation_error with issues, nothing sent', async () => {
    const { post, sent } = setup()
    const { status, error } = await post(nestedBody(5_000))
    expect(status).toBe(400)
    expect(error?.code).toBe('validation_error')
    expect(error?.json.issues).toEqual([
      expect.objectContaining({
        code: 'custom',
        message: 'properties may nest at most 32 levels deep',
        path: expect.arrayContaining(['properties', 'a']),
      }),
    ])
    expect(sent()).toEqual([])
  })

  it('more than 32 KiB of properties is 400, 32 levels is accepted', async () => {
    const { post, sent } = setup()
    const big = await post({ usageMeterSlug: 'ai_tokens', properties: { k: 'x'.repeat(40_000) } })
    expect([big.status, big.error?.code]).toEqual([400, 'validation_error'])
    expect(big.error?.json.message).toMatch(/32768 bytes/)
    const ok = await post(nestedBody(31))
    expect(ok.status).toBe(200)
    expect(sent()).toHaveLength(1)
  })
})
