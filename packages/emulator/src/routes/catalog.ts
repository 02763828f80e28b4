import { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import {
  attachFeature,
  createPrice,
  createProduct,
  createUsageMeter,
  findMeterBySlug,
  findPriceBySlug,
  requirePricingModel,
} from '../domain/catalog.js'
import { productWithPrices } from '../domain/views.js'
import { badRequest, notFound } from '../errors.js'
import type { PriceRow, ProductRow, UsageMeterRow } from '../store/types.js'
import { parseInput, readJson } from './http.js'
import { paginate } from './pagination.js'
import {
  priceCreateBody,
  productCreateBody,
  usageMeterCreateBody,
  usageMeterUpdateBody,
} from './schemas.js'

function requireMeter(ctx: EmulatorContext, id: string): UsageMeterRow {
  const meter = ctx.state.tables.usageMeters.get(id)
  if (!meter) throw notFound(`UsageMeter not found: ${id}`)
  return meter
}

export function usageMeterRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()
  app.post('/', async (c) => {
    const body = parseInput(usageMeterCreateBody, await readJson(c))
    const pricingModelId = body.usageMeter.pricingModelId ?? ctx.state.defaultPricingModelId
    const meter = createUsageMeter(
      ctx.state,
      ctx.clock.now(),
      pricingModelId,
      body.usageMeter,
      body.price,
    )
    return c.json({ usageMeter: meter })
  })
  app.get('/', (c) => c.json(paginate(c, ctx.state.tables.usageMeters.values())))
  app.get('/:id', (c) => c.json({ usageMeter: requireMeter(ctx, c.req.param('id')) }))
  app.put('/:id', async (c) => {
    const body = parseInput(usageMeterUpdateBody, await readJson(c))
    const meter = requireMeter(ctx, c.req.param('id'))
    const { name, slug, aggregationType } = body.usageMeter
    if (slug !== undefined && slug !== meter.slug) {
      if (findMeterBySlug(ctx.state, meter.pricingModelId, slug)) {
        throw badRequest(`Invalid slug: a usage meter with slug ${slug} already exists`)
      }
      meter.slug = slug
    }
    if (name !== undefined) meter.name = name
    if (aggregationType !== undefined) meter.aggregationType = aggregationType
    meter.updatedAt = ctx.clock.now()
    return c.json({ usageMeter: meter })
  })
  return app
}

function requirePrice(ctx: EmulatorContext, id: string): PriceRow {
  const price = ctx.state.tables.prices.get(id)
  if (!price) throw notFound(`Price not found: ${id}`)
  return price
}

export function priceRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()
  app.post('/', async (c) => {
    const body = parseInput(priceCreateBody, await readJson(c))
    return c.json({ price: createPrice(ctx.state, ctx.clock.now(), body.price) })
  })
  app.get('/', (c) => c.json(paginate(c, ctx.state.tables.prices.values())))
  app.get('/:id', (c) => c.json({ price: requirePrice(ctx, c.req.param('id')) }))
  return app
}

function requireProduct(ctx: EmulatorContext, id: string): ProductRow {
  const product = ctx.state.tables.products.get(id)
  if (!product) throw notFound(`Product not found: ${id}`)
  return product
}

export function productRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()
  app.post('/', async (c) => {
    const body = parseInput(productCreateBody, await readJson(c))
    const { state } = ctx
    const now = ctx.clock.now()
    requirePricingModel(state, body.product.pricingModelId)
    for (const featureId of body.featureIds ?? []) {
      const feature = state.tables.features.get(featureId)
      if (!feature || feature.pricingModelId !== body.product.pricingModelId) {
        throw notFound(`Feature not found: ${featureId}`)
      }
    }
    const priceSlug = body.price.slug
    if (priceSlug && findPriceBySlug(state, body.product.pricingModelId, priceSlug)) {
      throw badRequest(`Invalid slug: a price with slug ${priceSlug} already exists`)
    }
    const product = createProduct(state, now, body.product)
    createPrice(state, now, { ...body.price, productId: product.id, isDefault: true })
    for (const featureId of body.featureIds ?? []) attachFeature(state, now, product.id, featureId)
    return c.json({ product })
  })
  app.get('/', (c) => c.json(paginate(c, ctx.state.tables.products.values())))
  app.get('/:id', (c) =>
    c.json(productWithPrices(ctx.state, requireProduct(ctx, c.req.param('id')))),
  )
  return app
}
