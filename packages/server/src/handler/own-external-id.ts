import {
  type FlowgladActionKey,
  FlowgladError,
  type FlowgladRoute,
  flowgladRoutes,
} from '@flowglad/shared/core'

/**
 * Upstream clients may name the customer in the body (`externalId`); the session decides who
 * is asking, so any other value is refused rather than silently ignored.
 */
export function assertOwnExternalId(
  key: FlowgladActionKey,
  body: unknown,
  customerExternalId: string,
): void {
  // On claim routes the body's externalId is the claim's (see the route table).
  const route: FlowgladRoute = flowgladRoutes[key]
  if (route.externalIdNamesClaim) return
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return
  const externalId = (body as { externalId?: unknown }).externalId
  if (externalId !== undefined && externalId !== customerExternalId) {
    throw new FlowgladError('forbidden', 'externalId does not match the signed-in customer')
  }
}
