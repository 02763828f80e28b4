import { type FlowgladActionKey, FlowgladError } from '@flowglad/shared/core'

/**
 * Actions whose `externalId` names what is claimed (a teammate, an API key), not the customer:
 * the customer there is the session's, always.
 */
const claimExternalIdActions: ReadonlySet<string> = new Set<FlowgladActionKey>([
  'resources/claim',
  'resources/release',
])

/**
 * Upstream clients may name the customer in the body (`externalId`); the session decides who
 * is asking, so any other value is refused rather than silently ignored.
 */
export function assertOwnExternalId(
  key: FlowgladActionKey,
  body: unknown,
  customerExternalId: string,
): void {
  if (claimExternalIdActions.has(key)) return
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return
  const externalId = (body as { externalId?: unknown }).externalId
  if (externalId !== undefined && externalId !== customerExternalId) {
    throw new FlowgladError('forbidden', 'externalId does not match the signed-in customer')
  }
}
