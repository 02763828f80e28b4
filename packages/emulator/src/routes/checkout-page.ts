import { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { completeCheckoutSession, requireCheckoutSession } from '../domain/checkout.js'
import { isRedirectableUrl } from '../domain/redirect-url.js'
import { EmulatorError } from '../errors.js'
import { html, money, page } from '../html.js'
import type { CheckoutSessionRow } from '../store/types.js'

/** `per month`, `every 3 weeks`. */
function billingInterval(unit: string, count: number): string {
  return count === 1 ? `per ${unit}` : `every ${count} ${unit}s`
}

/** What the session buys, in the words of its primary button: Buy, Subscribe, or neither. */
function describe(ctx: EmulatorContext, session: CheckoutSessionRow) {
  const { tables } = ctx.state
  const price = session.priceId ? tables.prices.get(session.priceId) : undefined
  const product = price?.productId ? tables.products.get(price.productId) : undefined
  if (session.type === 'product' && price && price.type !== 'usage') {
    const name = product?.name ?? price.name ?? price.id
    const amount = money(price.unitPrice * session.quantity, price.currency)
    const quantity = session.quantity === 1 ? '' : ` × ${session.quantity}`
    if (price.type === 'single_payment') {
      return {
        button: 'Buy',
        text: html`<p>Buy <strong>${name}</strong>${quantity}: ${amount}, one-time payment</p>`,
      }
    }
    const interval = billingInterval(price.intervalUnit, price.intervalCount)
    const trial = price.trialPeriodDays
      ? html`<p>${price.trialPeriodDays}-day free trial: the first charge is when it ends.</p>`
      : ''
    return {
      button: 'Subscribe',
      text: html`<p>Subscribe to <strong>${name}</strong>${quantity}: ${amount} ${interval}</p>${trial}`,
    }
  }
  if (session.type === 'add_payment_method') {
    return {
      button: 'Complete purchase',
      text: html`<p>Add a payment method (test card Visa •••• 4242)</p>`,
    }
  }
  if (session.type === 'activate_subscription') {
    return {
      button: 'Complete purchase',
      text: html`<p>Activate subscription <code>${session.targetSubscriptionId}</code>
    with a test card (Visa •••• 4242)</p>`,
    }
  }
  return { button: 'Complete purchase', text: html`<p>Price <code>${session.priceId}</code></p>` }
}

function errorPage(error: unknown): Response {
  if (error instanceof EmulatorError) {
    const message = typeof error.body === 'string' ? error.body : error.message
    return page('Checkout', html`<h1>Checkout unavailable</h1><p>${message}</p>`, error.status)
  }
  throw error
}

/**
 * A 303 to the session's URL. URLs are checked when a session is created; one that is not
 * http(s) (only an imported snapshot could hold it) gets a page instead of a redirect.
 */
function redirectTo(url: string, title: string): Response {
  if (isRedirectableUrl(url)) {
    return new Response(null, { status: 303, headers: { location: url } })
  }
  return page(
    'Checkout',
    html`<h1>${title}</h1><p>This session has no http(s) URL to return to.</p>`,
  )
}

/**
 * The hosted checkout stand-in at `/checkout/{id}`. No key needed: like the hosted page, the
 * unguessable session id is the capability. Buttons post forms; both answer 303 redirects.
 */
export function checkoutPageRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono()

  app.get('/:id', (c) => {
    try {
      const session = requireCheckoutSession(ctx.state, c.req.param('id'))
      const customer = ctx.state.tables.customers.get(session.customerId)
      const base = `/checkout/${encodeURIComponent(session.id)}`
      const { button, text } = describe(ctx, session)
      const actions =
        session.status === 'open'
          ? html`<form method="post" action="${base}/complete" style="display:inline">
  <button type="submit" class="primary">${button}</button></form>
<form method="post" action="${base}/cancel" style="display:inline">
  <button type="submit">Cancel</button></form>`
          : html`<p>This checkout session is <strong>${session.status}</strong>.</p>`
      return page(
        'Checkout – Flowglad emulator',
        html`<h1>Checkout</h1><div class="card">
<p class="muted">Flowglad emulator · test mode · no real payment</p>
${text}
<p>Customer: ${customer?.name ?? ''} &lt;${customer?.email ?? ''}&gt;</p>
${actions}</div>`,
      )
    } catch (error) {
      return errorPage(error)
    }
  })

  app.post('/:id/complete', (c) => {
    try {
      const { checkoutSession } = completeCheckoutSession(
        ctx.state,
        c.req.param('id'),
        ctx.clock.now(),
      )
      return redirectTo(checkoutSession.successUrl, 'Purchase complete')
    } catch (error) {
      return errorPage(error)
    }
  })

  app.post('/:id/cancel', (c) => {
    try {
      const session = requireCheckoutSession(ctx.state, c.req.param('id'))
      return redirectTo(session.cancelUrl, 'Checkout canceled')
    } catch (error) {
      return errorPage(error)
    }
  })

  return app
}
