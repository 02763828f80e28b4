import type { FlowgladActionKey } from '@flowglad/shared'

/** The checkout `type` each checkout action implies. */
const checkoutTypes: Partial<Record<FlowgladActionKey, string>> = {
  'checkout-sessions/create': 'product',
  'checkout-sessions/create-add-payment-method': 'add_payment_method',
  'checkout-sessions/create-activate-subscription': 'activate_subscription',
}

/**
 * Upstream `@flowglad/react` adds `type: 'product'` to checkout bodies, which the strict
 * schemas would reject as an unknown key. A `type` that matches the action is redundant and
 * dropped; any other value is left for the schema to refuse.
 */
export function normaliseUpstreamBody(path: FlowgladActionKey, body: unknown): unknown {
  const expected = checkoutTypes[path]
  if (expected === undefined || typeof body !== 'object' || body === null) return body
  const { type, ...rest } = body as { type?: unknown }
  return type === expected ? rest : body
}
