import { describe, expect, it } from 'vitest'
import { API_KEY, BASE_URL, useMockApi } from '../../test/mock-api.js'
import { FlowgladServerAdmin } from './flowglad-server-admin.js'

const api = useMockApi()
const admin = () => new FlowgladServerAdmin({ apiKey: API_KEY, baseURL: BASE_URL, maxRetries: 0 })

const resource = {
  id: 'res_1',
  createdAt: 1,
  updatedAt: 1,
  livemode: false,
  organizationId: 'org_1',
  pricingModelId: 'pricing_model_1',
  slug: 'seats',
  name: 'Seats',
  active: true,
}
const usage = { resourceSlug: 'seats', resourceId: 'res_1', capacity: 5, claimed: 0, available: 5 }

describe('FlowgladServerAdmin resources', () => {
  it('resources: list, get, create, update (the id goes in the body too)', async () => {
    api.on('GET /api/v1/resources', { body: { resources: [resource] } })
    api.on('GET /api/v1/resources/res_1', { body: { resource } })
    api.on('POST /api/v1/resources', { body: { resource } })
    api.on('PUT /api/v1/resources/res_1', { body: { resource } })
    const client = admin()
    expect(await client.listResources()).toEqual({ resources: [resource] })
    expect(await client.getResource('res_1')).toEqual({ resource })
    await client.createResource({ resource: { slug: 'seats', name: 'Seats' } })
    await client.updateResource('res_1', { resource: { name: 'Team seats' } })
    expect(api.calls.map((call) => call.body)).toEqual([
      undefined,
      undefined,
      { resource: { slug: 'seats', name: 'Seats' } },
      { resource: { id: 'res_1', name: 'Team seats' } },
    ])
  })

  it('claims on any subscription, no ownership read first', async () => {
    const base = '/api/v1/resource-claims/sub_any'
    api.on(`GET ${base}/usages`, { body: [{ usage, claims: [] }] })
    api.on(`GET ${base}/usage`, { body: { usage, claims: [] } })
    api.on(`POST ${base}/claim`, { body: { claims: [], usage } })
    api.on(`POST ${base}/release`, { body: { releasedClaims: [], usage } })
    api.on(`GET ${base}/claims`, { body: { claims: [] } })
    const client = admin()
    expect(await client.getResourceUsages('sub_any')).toEqual({ resources: [usage] })
    await client.getResourceUsage('sub_any', { resourceSlug: 'seats' })
    await client.claimResource('sub_any', { resourceSlug: 'seats', externalIds: ['a', 'b'] })
    await client.releaseResource('sub_any', { resourceSlug: 'seats', claimIds: ['rc_1'] })
    await client.listResourceClaims('sub_any', { resourceSlug: 'seats' })
    expect(api.routes()).toEqual([
      `GET ${base}/usages`,
      `GET ${base}/usage`,
      `POST ${base}/claim`,
      `POST ${base}/release`,
      `GET ${base}/claims`,
    ])
  })

  it('bad input or a blank subscription id is validation_error, nothing sent', async () => {
    const client = admin()
    const bad = [
      () => client.claimResource('sub_any', { resourceSlug: 'seats' } as never),
      () => client.releaseResource('sub_any', { resourceSlug: 'seats', externalIds: [] } as never),
      () => client.getResourceUsage('sub_any', {} as never),
      () => client.getResourceUsages(''),
    ]
    for (const call of bad) await expect(call()).rejects.toMatchObject({ code: 'validation_error' })
    expect(api.calls).toEqual([])
  })
})
