import type {
  CreateActivateSubscriptionCheckoutSessionParams,
  CreateAddPaymentMethodCheckoutSessionParams,
  CreateProductCheckoutSessionParams,
  FlowgladActionKey,
} from '@flowglad/shared/browser'
import type { BillingClient } from './billing-client.js'
import { type ErrorResult, errorResult } from './results.js'

type Redirectable<T> = T & {
  /** Send the browser to the checkout page on success. */ autoRedirect?: boolean
}

export type ClientCreateCheckoutSessionParams = Redirectable<CreateProductCheckoutSessionParams>
export type ClientCreateAddPaymentMethodCheckoutSessionParams =
  Redirectable<CreateAddPaymentMethodCheckoutSessionParams>
export type ClientCreateActivateSubscriptionCheckoutSessionParams =
  Redirectable<CreateActivateSubscriptionCheckoutSessionParams>

export type CheckoutSessionResult = { id: string; url: string } | ErrorResult

type CheckoutKey =
  | typeof FlowgladActionKey.CreateCheckoutSession
  | typeof FlowgladActionKey.CreateAddPaymentMethodCheckoutSession
  | typeof FlowgladActionKey.CreateActivateSubscriptionCheckoutSession

function isAbsoluteURL(value: unknown): boolean {
  try {
    new URL(String(value))
    return true
  } catch {
    return false
  }
}

/** Creates a checkout session through the app's route; redirects on success if asked to. */
export async function createCheckout(
  client: BillingClient,
  key: CheckoutKey,
  params: Redirectable<{ successUrl: string; cancelUrl: string }>,
): Promise<CheckoutSessionResult> {
  const { autoRedirect, ...input } = params
  for (const field of ['successUrl', 'cancelUrl'] as const) {
    if (!isAbsoluteURL(input[field])) {
      return errorResult('validation_error', `${field} must be an absolute URL`)
    }
  }
  const result = await client.call<{ checkoutSession: { id: string }; url: string }>(key, input)
  if ('error' in result) return result
  const { checkoutSession, url } = result.data
  if (autoRedirect && url && typeof window !== 'undefined') window.location.href = url
  return { id: checkoutSession.id, url }
}
