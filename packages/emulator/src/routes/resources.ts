import { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { createResource, requireResource, updateResource } from '../domain/resources.js'
import { badRequest } from '../errors.js'
import { parseInput, readJson } from './http.js'
import { resourceCreateBody, resourceUpdateBody } from './resource-schemas.js'

/** `/resources`: the organisation's resources (the document's list is not paginated). */
export function resourceRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()
  app.get('/', (c) => {
    const { organizationId, tables } = ctx.state
    const resources = [...tables.resources.values()].filter(
      (r) => r.organizationId === organizationId,
    )
    return c.json({ resources })
  })
  app.post('/', async (c) => {
    const { resource } = parseInput(resourceCreateBody, await readJson(c))
    const { pricingModelId, ...input } = resource
    const modelId = pricingModelId ?? ctx.state.defaultPricingModelId
    return c.json({ resource: createResource(ctx.state, ctx.clock.now(), modelId, input) })
  })
  app.get('/:id', (c) => c.json({ resource: requireResource(ctx.state, c.req.param('id')) }))
  app.put('/:id', async (c) => {
    const { resource: patch } = parseInput(resourceUpdateBody, await readJson(c))
    const resource = requireResource(ctx.state, c.req.param('id'))
    if (patch.id !== resource.id) {
      throw badRequest([
        { code: 'custom', path: ['resource', 'id'], message: 'Must match the id in the path' },
      ])
    }
    return c.json({ resource: updateResource(ctx.state, resource, patch, ctx.clock.now()) })
  })
  return app
}
