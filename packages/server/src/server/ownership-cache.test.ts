import { describe, expect, it } from 'vitest'
import {
  defaultOwnershipCache,
  type OwnedSubscriptions,
  OwnershipCache,
} from './ownership-cache.js'

const owned = (id: string): OwnedSubscriptions => ({
  customerId: 'cust_1',
  currentSubscriptionId: id,
  currentSubscriptionIds: [id],
})

describe('OwnershipCache', () => {
  it('is bounded: the oldest entry goes first', () => {
    const cache = new OwnershipCache({ maxEntries: 2 })
    cache.set('a', owned('1'), 1_000)
    cache.set('b', owned('2'), 1_000)
    cache.set('c', owned('3'), 1_000)
    expect(cache.size).toBe(2)
    expect(cache.get('a')).toBeUndefined()
    expect(cache.get('c')?.currentSubscriptionId).toBe('3')
  })

  it('rejects a bound that is not a positive integer', () => {
    for (const maxEntries of [0, -1, 1.5, Number.NaN]) {
      expect(() => new OwnershipCache({ maxEntries })).toThrow(
        expect.objectContaining({ code: 'validation_error' }),
      )
    }
    expect(new OwnershipCache({ maxEntries: 1 }).size).toBe(0)
  })

  it('entries expire after their TTL', () => {
    let now = 0
    const cache = new OwnershipCache({ now: () => now })
    cache.set('a', owned('1'), 1_000)
    now = 999
    expect(cache.get('a')?.currentSubscriptionId).toBe('1')
    now = 1_000
    expect(cache.get('a')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('a TTL of 0 stores nothing', () => {
    const cache = new OwnershipCache()
    cache.set('a', owned('1'), 0)
    expect(cache.get('a')).toBeUndefined()
  })

  it('concurrent loads of one key share one fill', async () => {
    const cache = new OwnershipCache()
    let fills = 0
    const loader = async () => {
      fills += 1
      return owned('1')
    }
    const [x, y] = await Promise.all([
      cache.load('k', 1_000, loader),
      cache.load('k', 1_000, loader),
    ])
    expect(x).toBe(y)
    expect(fills).toBe(1)
    await cache.load('k', 1_000, loader)
    expect(fills).toBe(1)
  })

  it('an invalidation during a fill keeps the stale result out of the cache', async () => {
    const cache = new OwnershipCache()
    let finish: (value: OwnedSubscriptions) => void = () => undefined
    const pending = cache.load(
      'k',
      1_000,
      () =>
        new Promise((resolve) => {
          finish = resolve
        }),
    )
    cache.delete('k')
    finish(owned('old'))
    await pending
    expect(cache.get('k')).toBeUndefined()
  })

  it('a failed fill is not cached and the next load retries', async () => {
    const cache = new OwnershipCache()
    await expect(
      cache.load('k', 1_000, async () => Promise.reject(new Error('x'))),
    ).rejects.toThrow('x')
    await expect(cache.load('k', 1_000, async () => owned('2'))).resolves.toMatchObject({
      currentSubscriptionId: '2',
    })
  })

  it('a re-check (fresh load) is stored as verified until it expires or is dropped', async () => {
    let now = 0
    const cache = new OwnershipCache({ now: () => now })
    await cache.load('k', 1_000, async () => owned('1'))
    expect(cache.isVerified('k')).toBe(false)
    await cache.load('k', 1_000, async () => owned('1'), { fresh: true })
    expect(cache.isVerified('k')).toBe(true)
    now = 1_000
    expect(cache.isVerified('k')).toBe(false)
    await cache.load('k', 1_000, async () => owned('1'), { fresh: true })
    cache.delete('k')
    expect(cache.isVerified('k')).toBe(false)
    // A plain write (e.g. getBilling) is not a re-check.
    cache.set('k', owned('1'), 1_000)
    expect(cache.isVerified('k')).toBe(false)
  })

  it('a NaN TTL stores nothing (it would never expire)', () => {
    const cache = new OwnershipCache()
    cache.set('a', owned('1'), Number.NaN)
    expect(cache.size).toBe(0)
  })

  it('the default cache is one per fetch implementation', () => {
    const fetchA = (async () => new Response()) as unknown as typeof fetch
    const fetchB = (async () => new Response()) as unknown as typeof fetch
    expect(defaultOwnershipCache(fetchA)).toBe(defaultOwnershipCache(fetchA))
    expect(defaultOwnershipCache(fetchA)).not.toBe(defaultOwnershipCache(fetchB))
    expect(defaultOwnershipCache(undefined)).toBe(defaultOwnershipCache(undefined))
  })
})
