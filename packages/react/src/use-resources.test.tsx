// @vitest-environment happy-dom
import type { ResourceClaim, ResourceUsage } from '@flowglad/shared/browser'
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { billingFixture } from '../test/billing-fixture.js'
import { devWrapper, liveWrapper } from '../test/hook-wrapper.js'
import { deferred, envelope, errorEnvelope, routeFetch } from '../test/route-fetch.js'
import { FlowgladRequestError } from './billing-client.js'
import { RESOURCE_CLAIMS_QUERY_KEY, RESOURCES_QUERY_KEY } from './query-keys.js'
import { useResource, useResources } from './use-resources.js'

afterEach(cleanup)

const usage = (claimed: number, capacity = 5): ResourceUsage => ({
  resourceSlug: 'seats',
  resourceId: 'res_seats',
  capacity,
  claimed,
  available: capacity - claimed,
})
const claim = (externalId: string) =>
  ({ id: `rc_${externalId}`, externalId, resourceId: 'res_seats' }) as ResourceClaim

/** A fake app route holding a seats resource whose claims change with claim/release. */
function seatsRoute() {
  const held = new Set<string>(['teammate_1'])
  const now = () => usage(held.size)
  const claims = () => [...held].map(claim)
  const route = routeFetch({
    'resources/usages': () => envelope({ resources: [now()] }),
    'resources/claims': () => envelope({ claims: claims() }),
    'resources/claim': (body) => {
      if (body.externalId === 'over') {
        return errorEnvelope({ code: 'validation_error', json: { message: 'over capacity' } }, 400)
      }
      held.add(String(body.externalId))
      return envelope({ claims: [claim(String(body.externalId))], usage: now() })
    },
    'resources/release': (body) => {
      held.delete(String(body.externalId))
      return envelope({ releasedClaims: [claim(String(body.externalId))], usage: now() })
    },
  })
  return route
}

describe('useResources', () => {
  it("query keys carry upstream's values", () => {
    expect([RESOURCES_QUERY_KEY, RESOURCE_CLAIMS_QUERY_KEY]).toEqual([
      'flowglad-resources',
      'flowglad-resource-claims',
    ])
  })

  it('loading → loaded, one POST resources/usages with {}', async () => {
    const held = deferred<Response>()
    const route = routeFetch({ 'resources/usages': () => held.promise })
    const { result } = renderHook(() => useResources(), { wrapper: liveWrapper(route.fetch) })
    expect(result.current).toMatchObject({ resources: undefined, isLoading: true, error: null })
    await act(async () => held.resolve(envelope({ resources: [usage(1)] })))
    expect(result.current).toMatchObject({ resources: [usage(1)], isLoading: false, error: null })
    expect(route.seen.map(({ key, method, body }) => [key, method, body])).toEqual([
      ['resources/usages', 'POST', {}],
    ])
  })

  it('error: not loading, the route error as an Error with its code', async () => {
    const route = routeFetch({
      'resources/usages': () =>
        errorEnvelope({ code: 'forbidden', json: { message: 'not yours' } }, 403),
    })
    const { result } = renderHook(() => useResources({ subscriptionId: 'sub_b' }), {
      wrapper: liveWrapper(route.fetch),
    })
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    expect(result.current.resources).toBeUndefined()
    expect(result.current.error).toMatchObject({ code: 'forbidden', message: 'not yours' })
    expect(route.seen[0]?.body).toEqual({ subscriptionId: 'sub_b' })
  })

  it('claim resolves with the route data and refreshes; a refused claim rejects', async () => {
    const route = seatsRoute()
    const { result } = renderHook(() => useResources(), { wrapper: liveWrapper(route.fetch) })
    await waitFor(() => expect(result.current.resources).toEqual([usage(1)]))
    let answer: unknown
    await act(async () => {
      answer = await result.current.claim({ resourceSlug: 'seats', externalId: 'teammate_2' })
    })
    expect(answer).toEqual({ claims: [claim('teammate_2')], usage: usage(2) })
    await waitFor(() => expect(result.current.resources).toEqual([usage(2)]))
    const refused = result.current.claim({ resourceSlug: 'seats', externalId: 'over' })
    await expect(refused).rejects.toBeInstanceOf(FlowgladRequestError)
    await expect(refused).rejects.toMatchObject({ code: 'validation_error' })
    expect(route.seen.filter((request) => request.key === 'resources/usages')).toHaveLength(2)
  })

  it('dev mode: the fixed mocks, no request', () => {
    const { result } = renderHook(() => useResources(), { wrapper: devWrapper(billingFixture()) })
    expect(result.current).toMatchObject({
      isLoading: false,
      error: null,
      resources: [
        { resourceSlug: 'seats', capacity: 10, claimed: 3, available: 7 },
        { resourceSlug: 'api_keys', capacity: 5, claimed: 2, available: 3 },
      ],
    })
  })

  it('outside a provider: an error, and claim rejects with provider_missing', async () => {
    const { result } = renderHook(() => useResources())
    expect(result.current.error).toMatchObject({ code: 'provider_missing' })
    await expect(
      result.current.claim({ resourceSlug: 'seats', quantity: 1 }),
    ).rejects.toMatchObject({ code: 'provider_missing' })
  })
})

describe('useResource(slug)', () => {
  it('loading → loaded: the usage and the claims of the slug', async () => {
    const route = seatsRoute()
    const { result } = renderHook(() => useResource('seats'), { wrapper: liveWrapper(route.fetch) })
    expect(result.current).toMatchObject({
      usage: null,
      claims: [],
      isLoading: true,
      isLoadingClaims: true,
      error: null,
    })
    await waitFor(() => expect(result.current.isLoadingClaims).toBe(false))
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    expect(result.current).toMatchObject({ usage: usage(1), claims: [claim('teammate_1')] })
    expect(route.seen.find((request) => request.key === 'resources/claims')?.body).toEqual({
      resourceSlug: 'seats',
    })
  })

  it('claim and release act on the slug and refresh usage and claims', async () => {
    const route = seatsRoute()
    const { result } = renderHook(() => useResource('seats'), { wrapper: liveWrapper(route.fetch) })
    await waitFor(() => expect(result.current.claims).toHaveLength(1))
    await act(async () => {
      await result.current.claim({ externalId: 'teammate_2', metadata: { role: 'admin' } })
    })
    await waitFor(() => expect(result.current.claims).toHaveLength(2))
    expect(result.current.usage).toEqual(usage(2))
    await act(async () => {
      await result.current.release({ externalId: 'teammate_1' })
    })
    await waitFor(() => expect(result.current.claims).toEqual([claim('teammate_2')]))
    expect(result.current.usage).toEqual(usage(1))
    const sent = route.seen.filter((request) => request.method === 'POST')
    expect(sent.find((request) => request.key === 'resources/claim')?.body).toEqual({
      externalId: 'teammate_2',
      metadata: { role: 'admin' },
      resourceSlug: 'seats',
    })
    expect(sent.find((request) => request.key === 'resources/release')?.body).toEqual({
      externalId: 'teammate_1',
      resourceSlug: 'seats',
    })
  })

  it('an unknown slug: usage null once loaded; a failing claims load is the error', async () => {
    const route = routeFetch({
      'resources/usages': () => envelope({ resources: [usage(0)] }),
      'resources/claims': () =>
        errorEnvelope({ code: 'internal_error', json: { message: 'boom' } }, 500),
    })
    const { result } = renderHook(() => useResource('projects'), {
      wrapper: liveWrapper(route.fetch),
    })
    await waitFor(() => expect(result.current.isLoadingClaims).toBe(false))
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    expect(result.current).toMatchObject({ usage: null, claims: [] })
    expect(result.current.error).toMatchObject({ code: 'internal_error', message: 'boom' })
  })

  it('dev mode: the mock usage, no claims; claim answers from the dev mocks', async () => {
    const { result } = renderHook(() => useResource('seats'), {
      wrapper: devWrapper(billingFixture()),
    })
    expect(result.current).toMatchObject({
      usage: { resourceSlug: 'seats', capacity: 10, claimed: 3, available: 7 },
      claims: [],
      isLoading: false,
      isLoadingClaims: false,
      error: null,
    })
    await expect(result.current.claim({ quantity: 1 })).resolves.toMatchObject({
      claims: [],
      usage: { resourceSlug: 'seats' },
    })
  })
})
