import { type Context, Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import {
  activeClaims,
  claimResource,
  releaseResource,
  resourceUsage,
  resourceUsages,
} from '../domain/resource-claims.js'
import { findResourceBySlug, requireResource } from '../domain/resources.js'
import { requireSubscription } from '../domain/subscriptions.js'
import { badRequest, notFound } from '../errors.js'
import type { ResourceRow, SubscriptionRow } from '../store/types.js'
import { parseInput, readJson, singleQuery } from './http.js'
import { claimBody, releaseBody } from './resource-schemas.js'

/** The largest `resourceSlugs` list the document allows. */
const MAX_LISTED_SLUGS = 100

/** The path's subscription, synced to now; 404 when unknown or of another organisation. */
function pathSubscription(ctx: EmulatorContext, c: Context): SubscriptionRow {
  const id = c.req.param('subscriptionId') ?? ''
  const sub = ctx.state.tables.subscriptions.get(id)
  if (!sub || sub.organizationId !== ctx.state.organizationId) {
    throw notFound(`Subscription not found: ${id}`)
  }
  return requireSubscription(ctx.state, id, ctx.clock.now())
}

function resourceBySlug(ctx: EmulatorContext, sub: SubscriptionRow, slug: string): ResourceRow {
  const resource = findResourceBySlug(ctx.state, sub.pricingModelId, slug)
  if (!resource) throw notFound(`Resource not found: with slug ${slug}`)
  return resource
}

function resourceById(ctx: EmulatorContext, sub: SubscriptionRow, id: string): ResourceRow {
  const resource = requireResource(ctx.state, id)
  if (resource.pricingModelId !== sub.pricingModelId) throw notFound(`Resource not found: ${id}`)
  return resource
}

/** A list query parameter, repeated (`?a=x&a=y`) or comma-separated (`?a=x,y`, as `@flowglad/node` sends). */
function listQuery(c: Context, name: string): string[] | undefined {
  const values = c.req.queries(name)
  if (!values || values.length === 0) return undefined
  return values.flatMap((value) => value.split(',')).filter((value) => value !== '')
}

export function resourceClaimRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()

  app.post('/:subscriptionId/claim', async (c) => {
    const body = parseInput(claimBody, await readJson(c))
    const sub = pathSubscription(ctx, c)
    const resource = resourceBySlug(ctx, sub, body.resourceSlug)
    const { metadata } = body
    const request =
      body.quantity !== undefined
        ? { quantity: body.quantity, metadata }
        : { externalIds: body.externalIds ?? [body.externalId ?? ''], metadata }
    return c.json(claimResource(ctx.state, sub, resource, request, ctx.clock.now()))
  })

  app.post('/:subscriptionId/release', async (c) => {
    const body = parseInput(releaseBody, await readJson(c))
    const sub = pathSubscription(ctx, c)
    const resource = resourceBySlug(ctx, sub, body.resourceSlug)
    const request =
      body.quantity !== undefined
        ? { quantity: body.quantity }
        : body.claimIds !== undefined
          ? { claimIds: body.claimIds }
          : { externalIds: body.externalIds ?? [body.externalId ?? ''] }
    return c.json(releaseResource(ctx.state, sub, resource, request, ctx.clock.now()))
  })

  // Other query parameters are ignored: the 0.18 SDK sends its whole params object
  // (`subscriptionId` included) as the query.
  app.get('/:subscriptionId/usage', (c) => {
    const slug = singleQuery(c, 'resourceSlug')
    const id = singleQuery(c, 'resourceId')
    if ((slug === undefined) === (id === undefined)) {
      throw badRequest([
        {
          code: 'custom',
          path: ['resourceSlug'],
          message: 'Exactly one of resourceSlug or resourceId must be provided',
        },
      ])
    }
    const sub = pathSubscription(ctx, c)
    const resource =
      slug !== undefined ? resourceBySlug(ctx, sub, slug) : resourceById(ctx, sub, id ?? '')
    return c.json(resourceUsage(ctx.state, sub, resource, ctx.clock.now()))
  })

  app.get('/:subscriptionId/usages', (c) => {
    const slugs = listQuery(c, 'resourceSlugs')
    const ids = listQuery(c, 'resourceIds')
    if (slugs && slugs.length > MAX_LISTED_SLUGS) {
      throw badRequest([
        {
          code: 'too_big',
          path: ['resourceSlugs'],
          message: `Too big: expected at most ${MAX_LISTED_SLUGS} resource slugs`,
        },
      ])
    }
    const sub = pathSubscription(ctx, c)
    let only: ResourceRow[] | undefined
    if (slugs || ids) {
      const named = [
        ...(slugs ?? []).map((slug) => resourceBySlug(ctx, sub, slug)),
        ...(ids ?? []).map((id) => resourceById(ctx, sub, id)),
      ]
      only = [...new Set(named)]
    }
    return c.json(resourceUsages(ctx.state, sub, ctx.clock.now(), only))
  })

  app.get('/:subscriptionId/claims', (c) => {
    const slug = singleQuery(c, 'resourceSlug')
    const sub = pathSubscription(ctx, c)
    const resource = slug !== undefined ? resourceBySlug(ctx, sub, slug) : undefined
    return c.json({ claims: activeClaims(ctx.state, sub.id, resource?.id) })
  })

  return app
}
