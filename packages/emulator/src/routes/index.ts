import { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { webhookRoutes } from '../webhooks/routes.js'
import { priceRoutes, productRoutes, usageMeterRoutes } from './catalog.js'
import { checkoutSessionRoutes } from './checkout-sessions.js'
import { customerRoutes } from './customers.js'
import { invoiceRoutes, paymentMethodRoutes } from './invoices.js'
import { pricingModelRoutes } from './pricing-models.js'
import { paymentRoutes, purchaseRoutes } from './purchases.js'
import { resourceClaimRoutes } from './resource-claims.js'
import { resourceRoutes } from './resources.js'
import { subscriptionAdjustmentRoutes } from './subscription-adjustments.js'
import { subscriptionRoutes } from './subscriptions.js'
import { usageEventRoutes } from './usage-events.js'

/** Every resource router, mounted under `/api/v1`. */
export function apiRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()
  app.route('/customers', customerRoutes(ctx))
  app.route('/subscriptions', subscriptionRoutes(ctx))
  app.route('/subscriptions', subscriptionAdjustmentRoutes(ctx))
  app.route('/usage-events', usageEventRoutes(ctx))
  app.route('/usage-meters', usageMeterRoutes(ctx))
  app.route('/pricing-models', pricingModelRoutes(ctx))
  app.route('/prices', priceRoutes(ctx))
  app.route('/products', productRoutes(ctx))
  app.route('/checkout-sessions', checkoutSessionRoutes(ctx))
  app.route('/invoices', invoiceRoutes(ctx))
  app.route('/payment-methods', paymentMethodRoutes(ctx))
  app.route('/purchases', purchaseRoutes(ctx))
  app.route('/payments', paymentRoutes(ctx))
  app.route('/webhooks', webhookRoutes(ctx))
  app.route('/resources', resourceRoutes(ctx))
  app.route('/resource-claims', resourceClaimRoutes(ctx))
  return app
}
