import { describe, expect, it } from 'vitest'
import { setup } from '../../test/helpers.js'
import { resourceSeed } from '../../test/resource-seed.js'

describe('/resources', () => {
  it('lists the seeded resources and creates, reads and updates one', async () => {
    const { api, emulator } = setup({ seed: resourceSeed })
    const list = await api.get('/resources')
    expect(list.status, list.text).toBe(200)
    expect(list.body.resources.map((r: { slug: string }) => r.slug)).toEqual([
      'seats',
      'projects',
      'archived_thing',
    ])
    const created = await api.post('/resources', {
      resource: { slug: 'api_keys', name: 'API keys' },
    })
    expect(created.status, created.text).toBe(200)
    expect(created.body.resource).toMatchObject({
      slug: 'api_keys',
      name: 'API keys',
      active: true,
      pricingModelId: emulator.state.defaultPricingModelId,
      organizationId: emulator.state.organizationId,
      livemode: false,
    })
    const id = created.body.resource.id as string
    expect((await api.get(`/resources/${id}`)).body.resource).toEqual(created.body.resource)
    emulator.clock.advance(1000)
    const updated = await api.put(`/resources/${id}`, {
      resource: { id, name: 'Keys', slug: 'keys', active: false },
    })
    expect(updated.status, updated.text).toBe(200)
    expect(updated.body.resource).toMatchObject({ name: 'Keys', slug: 'keys', active: false })
    expect(updated.body.resource.updatedAt).toBe(created.body.resource.updatedAt + 1000)
    expect((await api.get('/resources')).body.resources).toHaveLength(4)
  })

  it('refuses duplicate slugs, bad bodies and unknown ids', async () => {
    const { api } = setup({ seed: resourceSeed })
    const dup = await api.post('/resources', { resource: { slug: 'seats', name: 'Again' } })
    expect(dup.status).toBe(400)
    expect(dup.body.error).toMatch(/a resource with slug seats already exists/)
    const noName = await api.post('/resources', { resource: { slug: 'x' } })
    expect(noName.status).toBe(400)
    expect(Array.isArray(noName.body.error)).toBe(true)
    const otherModel = await api.post('/resources', {
      resource: { slug: 'x', name: 'X', pricingModelId: 'pricing_model_nope' },
    })
    expect(otherModel.status).toBe(404)
    expect((await api.get('/resources/resource_nope')).status).toBe(404)
    const seats = (await api.get('/resources')).body.resources[0]
    const rename = await api.put(`/resources/${seats.id}`, {
      resource: { id: seats.id, slug: 'projects' },
    })
    expect(rename.status).toBe(400)
    const mismatch = await api.put(`/resources/${seats.id}`, { resource: { id: 'other' } })
    expect(mismatch.status).toBe(400)
    expect(mismatch.body.error[0].path).toEqual(['resource', 'id'])
    const ghost = await api.put('/resources/resource_nope', { resource: { id: 'resource_nope' } })
    expect(ghost.status).toBe(404)
  })
})
