import {
  compiledActionSchemas,
  type FlowgladActionKey,
  FlowgladError,
  type FlowgladRoute,
  flowgladRoutes,
  parseOrThrow,
} from '@flowglad/shared/core'

/**
 * A request body checked as every entry point checks it. Signed in, a body `externalId` must be
 * the session's (403 `forbidden`): upstream clients may name the customer there, but the session
 * decides who is asking, so another value is refused rather than silently ignored. Then the
 * action's schema, once (400 `validation_error`).
 */
export function actionInput(
  key: FlowgladActionKey,
  body: unknown,
  customerExternalId: string | null,
): unknown {
  // On claim routes the body's externalId is the claim's (see the route table).
  const route: FlowgladRoute = flowgladRoutes[key]
  // Only an object body names one (a primitive has no `externalId`; null and undefined neither).
  const externalId = Array.isArray(body)
    ? undefined
    : (body as { externalId?: unknown } | null | undefined)?.externalId
  if (
    customerExternalId !== null &&
    !route.externalIdNamesClaim &&
    externalId !== undefined &&
    externalId !== customerExternalId
  ) {
    throw new FlowgladError('forbidden', 'externalId does not match the signed-in customer')
  }
  return parseOrThrow(compiledActionSchemas[key], body, `Invalid input for ${key}`)
}
