import { FlowgladError, type Price, type PricingModel } from '@flowglad/shared/core'
import type { ActionHandler } from '../types.js'

type BrowserSubscriptionInput = Parameters<ActionHandler<'subscriptions/create'>>[0]

/**
 * Fields only trusted server code may set: each one changes what is charged, when, or from
 * which card. `doNotCharge` is refused only when true (false is the schema's own default).
 */
const serverOnlyFields = [
  'trialEnd',
  'startDate',
  'interval',
  'intervalCount',
  'metadata',
  'defaultPaymentMethodId',
  'backupPaymentMethodId',
] as const

const useCheckout =
  'use checkout-sessions/create (or FlowgladServer.createSubscription on the server)'

function refuse(reason: string): FlowgladError {
  return new FlowgladError(
    'forbidden',
    `subscriptions/create from the browser ${reason}: ${useCheckout}`,
  )
}

function assertOnlyBrowserFields(input: BrowserSubscriptionInput): void {
  const field = serverOnlyFields.find((name) => input[name] !== undefined)
  if (field !== undefined) throw refuse(`cannot set ${field}`)
  if (input.doNotCharge === true) throw refuse('cannot set doNotCharge')
  if (input.quantity !== undefined && input.quantity !== 1) {
    throw refuse('accepts only quantity 1')
  }
}

function allPrices(pricingModel: PricingModel | undefined): Price[] {
  return [
    ...(pricingModel?.products ?? []).flatMap((product) => product.prices ?? []),
    ...(pricingModel?.usageMeters ?? []).flatMap((meter) => meter.prices ?? []),
  ]
}

/** Free now and later: no unit price, and not billed by usage. */
function isFreePrice(price: Price): boolean {
  return price.unitPrice === 0 && price.type !== 'usage'
}

/**
 * `subscriptions/create` (upstream answers 501): the browser may only start a free plan, one
 * seat, for the asking customer (the schema has no customerId; the SDK injects it). The price
 * is looked up in the customer's own pricing model; anything that costs money goes through
 * checkout. One billing read, which also warms the ownership cache the create then uses.
 */
export const createSubscription: ActionHandler<'subscriptions/create'> = async (
  input,
  { flowglad },
) => {
  assertOnlyBrowserFields(input)
  const billing = await flowglad.getBilling()
  const wanted = input.priceId ?? input.priceSlug
  const price = allPrices(billing.pricingModel ?? billing.catalog).find((candidate) =>
    input.priceId !== undefined
      ? candidate.id === input.priceId
      : candidate.slug === input.priceSlug,
  )
  if (!price) {
    throw new FlowgladError('not_found', `Price ${wanted} is not in the customer's pricing model`)
  }
  if (!isFreePrice(price)) throw refuse(`accepts only a free price, and ${wanted} is paid`)
  return flowglad.createSubscription({ ...input, quantity: 1 })
}
