import { FlowgladError, type Price } from '@flowglad/shared/core'
import type { ActionHandler } from '../types.js'

/**
 * Fields only trusted server code may set: each one changes what is charged, when, or from
 * which card. `doNotCharge: false` is the schema's own default, so `false` counts as not set.
 */
const serverOnlyFields = [
  'trialEnd',
  'startDate',
  'interval',
  'intervalCount',
  'metadata',
  'defaultPaymentMethodId',
  'backupPaymentMethodId',
  'doNotCharge',
] as const

const useCheckout =
  'use checkout-sessions/create (or FlowgladServer.createSubscription on the server)'

function refuse(reason: string): FlowgladError {
  return new FlowgladError(
    'forbidden',
    `subscriptions/create from the browser ${reason}: ${useCheckout}`,
  )
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
  const field = serverOnlyFields.find((name) => input[name] !== undefined && input[name] !== false)
  if (field !== undefined) throw refuse(`cannot set ${field}`)
  if ((input.quantity ?? 1) !== 1) throw refuse('accepts only quantity 1')
  const billing = await flowglad.getBilling()
  const pricingModel = billing.pricingModel ?? billing.catalog
  const byId = input.priceId !== undefined
  const wanted = input.priceId ?? input.priceSlug
  const price = [...(pricingModel?.products ?? []), ...(pricingModel?.usageMeters ?? [])]
    .flatMap((owner): Price[] => owner.prices ?? [])
    .find((candidate) => (byId ? candidate.id : candidate.slug) === wanted)
  if (!price) {
    throw new FlowgladError('not_found', `Price ${wanted} is not in the customer's pricing model`)
  }
  // Free now and later: no unit price, and not billed by usage.
  if (price.unitPrice !== 0 || price.type === 'usage') {
    throw refuse(`accepts only a free price, and ${wanted} is paid`)
  }
  return flowglad.createSubscription({ ...input, quantity: 1 })
}
