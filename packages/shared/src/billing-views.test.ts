import { describe, expect, it } from 'vitest'
import { customerDetailsOf, featureAccessItems, pageAfter } from './billing-views.js'
import type { Customer, SubscriptionDetails } from './types.js'

const feature = (slug: string, type = 'toggle', id = `f_${slug}`) => ({
  id,
  slug,
  type,
  name: slug.toUpperCase(),
  livemode: false,
  extra: 'dropped',
})
const subscriptions = [
  {
    id: 'sub_1',
    experimental: { featureItems: [feature('a'), feature('t', 'usage_credit_grant')] },
  },
  { id: 'sub_2', experimental: { featureItems: [feature('a', 'toggle', 'f_a2'), feature('b')] } },
] as unknown as SubscriptionDetails[]

describe('featureAccessItems', () => {
  it('toggles only, once per slug (first wins), four fields each', () => {
    expect(featureAccessItems(subscriptions)).toEqual([
      { id: 'f_a', livemode: false, slug: 'a', name: 'A' },
      { id: 'f_b', livemode: false, slug: 'b', name: 'B' },
    ])
  })

  it('only the named subscription when given; nothing for none', () => {
    expect(featureAccessItems(subscriptions, 'sub_2').map((f) => f.id)).toEqual(['f_a2', 'f_b'])
    expect(featureAccessItems(subscriptions, 'sub_x')).toEqual([])
    expect(featureAccessItems(undefined)).toEqual([])
  })
})

describe('customerDetailsOf', () => {
  it('keeps seven fields, epoch ms as ISO strings', () => {
    const customer = {
      id: 'cust_1',
      livemode: false,
      email: 'a@example.test',
      name: 'Ada',
      externalId: 'user_a',
      createdAt: 0,
      updatedAt: 1_700_000_000_000,
      organizationId: 'org_1',
    } as unknown as Customer
    expect(customerDetailsOf(customer)).toEqual({
      id: 'cust_1',
      livemode: false,
      email: 'a@example.test',
      name: 'Ada',
      externalId: 'user_a',
      createdAt: '1970-01-01T00:00:00.000Z',
      updatedAt: '2023-11-14T22:13:20.000Z',
    })
  })
})

describe('pageAfter', () => {
  const items = ['a', 'b', 'c', 'd']
  const id = (item: string) => item
  it.each([
    [{}, ['a', 'b', 'c', 'd']],
    [{ limit: 2 }, ['a', 'b']],
    [{ startingAfter: 'b' }, ['c', 'd']],
    [{ startingAfter: 'b', limit: 1 }, ['c']],
    [{ startingAfter: 'zz' }, ['a', 'b', 'c', 'd']],
    [{ startingAfter: 'd' }, []],
  ])('%j → %j', (params, expected) => {
    expect(pageAfter(items, id, params)).toEqual(expected)
  })
})
