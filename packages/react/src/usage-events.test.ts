import type { ClientCreateUsageEventParams } from '@flowglad/shared/browser'
import { describe, expect, it } from 'vitest'
import { envelope, errorEnvelope, routeFetch } from '../test/route-fetch.js'
import { createBillingClient } from './billing-client.js'
import { createUsageEvent } from './usage-events.js'

const created = () => envelope({ usageEvent: { id: 'ue_1' } })

function clientWith(answer: Parameters<typeof routeFetch>[0][string]) {
  const route = routeFetch({ 'usage-events/create': answer, 'customers/billing': created })
  return { route, client: createBillingClient({ fetch: route.fetch, retryDelayMs: 0 }) }
}

describe('createUsageEvent: the identifier rule, checked locally', () => {
  const bad: Array<[string, object]> = [
    ['none', { amount: 3 }],
    ['two', { priceSlug: 'a', usageMeterSlug: 'b' }],
    ['empty', { usageMeterSlug: '' }],
  ]
  it.each(bad)('%s identifier → validation_error without a request', async (_name, params) => {
    const { route, client } = clientWith(created)
    const result = await createUsageEvent(client, params as ClientCreateUsageEventParams)
    expect(result).toMatchObject({ error: { code: 'validation_error', json: { issues: [{}] } } })
    expect(route.seen).toHaveLength(0)
  })

  it.each([
    'priceId',
    'priceSlug',
    'usageMeterId',
    'usageMeterSlug',
  ])('sends exactly one %s', async (field) => {
    const { route, client } = clientWith(created)
    const params = { [field]: 'x', amount: 2 } as unknown as ClientCreateUsageEventParams
    expect(await createUsageEvent(client, params)).toEqual({ usageEvent: { id: 'ue_1' } })
    expect(route.seen[0]?.body).toMatchObject({ [field]: 'x', amount: 2 })
  })
})

describe('createUsageEvent: exactly once', () => {
  it('fixes a nanoid-style transactionId before the first attempt', async () => {
    const { route, client } = clientWith(created)
    await createUsageEvent(client, { usageMeterSlug: 'ai_tokens' })
    await createUsageEvent(client, { usageMeterSlug: 'ai_tokens' })
    const ids = route.seen.map((request) => request.body.transactionId)
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{21}$/)
    expect(ids[1]).not.toBe(ids[0])
  })

  it('keeps a transactionId the caller gave', async () => {
    const { route, client } = clientWith(created)
    await createUsageEvent(client, { priceSlug: 'p', transactionId: 'mine' })
    expect(route.seen[0]?.body.transactionId).toBe('mine')
  })

  it('reuses the same transactionId on retries after network errors and 5xx', async () => {
    let attempt = 0
    const { route, client } = clientWith(async () => {
      attempt += 1
      if (attempt === 1) throw new TypeError('Failed to fetch')
      if (attempt === 2)
        return errorEnvelope({ code: 'upstream_unavailable', json: { message: 'x' } }, 502)
      return created()
    })
    expect(await createUsageEvent(client, { usageMeterSlug: 'ai_tokens', amount: 5 })).toEqual({
      usageEvent: { id: 'ue_1' },
    })
    expect(route.seen).toHaveLength(3)
    expect(new Set(route.seen.map((request) => request.body.transactionId)).size).toBe(1)
  })

  it('gives up after 2 retries and returns the last error without throwing', async () => {
    const { route, client } = clientWith(async () => {
      throw new TypeError('offline')
    })
    const result = await createUsageEvent(client, { usageMeterSlug: 'ai_tokens' })
    expect(result).toEqual({ error: { code: 'network_error', json: { message: 'offline' } } })
    expect(route.seen).toHaveLength(3)
  })

  it('does not retry a 4xx answer and passes its error through', async () => {
    const error = { code: 'missing_subscription_id', json: { message: 'no sub' } }
    const { route, client } = clientWith(() => errorEnvelope(error, 400))
    expect(await createUsageEvent(client, { usageMeterSlug: 'ai_tokens' })).toEqual({ error })
    expect(route.seen).toHaveLength(1)
  })

  it('does not reload billing', async () => {
    const { route, client } = clientWith(created)
    await createUsageEvent(client, { usageMeterSlug: 'ai_tokens' })
    expect(route.seen.map((request) => request.key)).toEqual(['usage-events/create'])
  })

  it('answers invalid_response when a 200 carries no usageEvent id', async () => {
    const { client } = clientWith(() => envelope({}))
    expect(await createUsageEvent(client, { usageMeterSlug: 'ai_tokens' })).toMatchObject({
      error: { code: 'invalid_response' },
    })
  })
})
