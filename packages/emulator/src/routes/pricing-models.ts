import { Hono } from 'hono'
import * as z from 'zod'
import type { EmulatorContext } from '../context.js'
import { createPricingModel, requirePricingModel } from '../domain/catalog.js'
import { pricingModelDetails } from '../domain/views.js'
import { badRequest } from '../errors.js'
import { applyPricingModel, makeDefaultPricingModel } from '../pricing/apply.js'
import { exportPricingModel } from '../pricing/export.js'
import { parsePricingModel } from '../pricing/normalise.js'
import { parseInput, readJson } from './http.js'
import { paginate } from './pagination.js'

const createBody = z.object({
  pricingModel: z.object({ name: z.string().min(1), isDefault: z.boolean().optional() }),
  defaultPlanIntervalUnit: z.enum(['day', 'week', 'month', 'year']).optional(),
})

/** What the emulator can change on a model; the structure is set up once, by `setup`. */
const STRUCTURE_KEYS = ['features', 'products', 'usageMeters', 'resources'] as const
const updateBody = z.object({
  pricingModel: z.looseObject({
    id: z.string(),
    name: z.string().min(1).max(255).optional(),
    isDefault: z.boolean().optional(),
  }),
})

export function pricingModelRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()
  // The list has bare pricing-model records (the spec's `PricingModelClientSelectSchema`);
  // a single model comes with its products and meters.
  app.get('/', (c) => c.json(paginate(c, ctx.state.tables.pricingModels.values())))

  app.post('/', async (c) => {
    const body = parseInput(createBody, await readJson(c))
    const now = ctx.clock.now()
    const model = createPricingModel(ctx.state, now, {
      name: body.pricingModel.name,
      isDefault: false,
    })
    if (body.pricingModel.isDefault) makeDefaultPricingModel(ctx.state, model, now)
    return c.json({ pricingModel: model })
  })

  // A pricing file's structure (either shape); everything is checked before anything is written.
  app.post('/setup', async (c) => {
    const spec = parsePricingModel(await readJson(c))
    const model = applyPricingModel(ctx.state, ctx.clock.now(), spec)
    return c.json({ pricingModel: pricingModelDetails(ctx.state, model) })
  })

  // Registered before `/:id` so `default` is never read as an id.
  app.get('/default', (c) => {
    const model = requirePricingModel(ctx.state, ctx.state.defaultPricingModelId)
    return c.json({ pricingModel: pricingModelDetails(ctx.state, model) })
  })
  app.get('/:id', (c) => {
    const model = requirePricingModel(ctx.state, c.req.param('id'))
    return c.json({ pricingModel: pricingModelDetails(ctx.state, model) })
  })

  app.put('/:id', async (c) => {
    const model = requirePricingModel(ctx.state, c.req.param('id'))
    const { pricingModel: patch } = parseInput(updateBody, await readJson(c))
    if (patch.id !== model.id) {
      throw badRequest([
        { code: 'custom', path: ['pricingModel', 'id'], message: `id must be ${model.id}` },
      ])
    }
    const structural = STRUCTURE_KEYS.filter((key) => patch[key] !== undefined)
    if (structural.length > 0) {
      throw badRequest(
        `The emulator does not update ${structural.join(', ')} of a pricing model: set up a new one (POST /pricing-models/setup)`,
      )
    }
    if (patch.isDefault === false && model.isDefault) {
      throw badRequest('The default pricing model stays default until another one is made default')
    }
    const now = ctx.clock.now()
    if (patch.name !== undefined) model.name = patch.name
    if (patch.isDefault) makeDefaultPricingModel(ctx.state, model, now)
    model.updatedAt = now
    return c.json({ pricingModel: model })
  })

  app.get('/:id/export', (c) => {
    const model = requirePricingModel(ctx.state, c.req.param('id'))
    return c.json({
      pricingModel: exportPricingModel(ctx.state, model),
      updatedAt: model.updatedAt,
    })
  })
  return app
}
