import { FlowgladError } from '@flowglad/shared'

/**
 * Upstream clients may name the customer in the body (`externalId`); the session decides who
 * is asking, so any other value is refused rather than silently ignored.
 */
export function assertOwnExternalId(body: unknown, customerExternalId: string): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return
  const externalId = (body as { externalId?: unknown }).externalId
  if (externalId !== undefined && externalId !== customerExternalId) {
    throw new FlowgladError('forbidden', 'externalId does not match the signed-in customer')
  }
}
