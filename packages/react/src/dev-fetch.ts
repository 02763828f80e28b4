import type { CustomerBillingDetails } from '@flowglad/shared/browser'

type DevAnswer = { status?: number; data?: unknown; error?: unknown }

const notInMocks = (id: unknown): DevAnswer => ({
  status: 404,
  error: { code: 'not_found', json: { message: `Subscription ${id} is not in billingMocks` } },
})

function answer(
  billing: CustomerBillingDetails,
  key: string,
  body: { id?: string; subscriptionId?: string },
): DevAnswer {
  if (key === 'customers/billing') return { data: billing }
  if (key === 'usage-events/create') return { data: { usageEvent: { id: 'dev-usage-event-id' } } }
  if (key.startsWith('checkout-sessions/')) {
    return { data: { checkoutSession: { id: 'checkout-session-id' }, url: '' } }
  }
  if (key === 'subscriptions/cancel' || key === 'subscriptions/uncancel') {
    const subscription = billing.subscriptions.find((candidate) => candidate.id === body.id)
    if (!subscription) return notInMocks(body.id)
    const status = key === 'subscriptions/cancel' ? 'canceled' : 'active'
    return { data: { subscription: { ...subscription, status } } }
  }
  if (key === 'subscriptions/adjust') {
    const id = body.subscriptionId
    const subscription = billing.subscriptions.find((candidate) => candidate.id === id)
    if (!subscription) return notInMocks(id)
    const data = { subscription, subscriptionItems: [], isUpgrade: false }
    return { data: { ...data, resolvedTiming: 'immediately' } }
  }
  return { status: 404, error: { code: 'not_found', json: { message: `${key} has no dev mock` } } }
}

/**
 * Dev mode's stand-in for the network: answers every route from `billingMocks` with the upstream
 * dev-mode results, so the rest of the client runs unchanged and nothing leaves the page.
 */
export function createDevFetch(billing: CustomerBillingDetails) {
  return async (input: string, init: RequestInit): Promise<Response> => {
    const key = input.slice(input.indexOf('/api/flowglad/') + 14)
    const { status = 200, ...envelope } = answer(billing, key, JSON.parse(String(init.body)))
    return new Response(JSON.stringify(envelope), { status })
  }
}
