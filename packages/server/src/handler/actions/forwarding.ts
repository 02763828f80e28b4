import type { BillingWithChecks } from '@flowglad/shared/core'
import { assertOwnRedirectUrls, type RedirectUrls } from '../redirect-urls.js'
import type { ActionContext, FlowgladServerLike } from '../types.js'

// Most actions are one `FlowgladServer` call: the handler map names the method (or the billing
// view) instead of keeping a near-identical function per action.

// Typed by the input (which the map's key fixes), so TypeScript infers it from the entry.
type Handler<Input> = (input: Input, context: ActionContext) => Promise<unknown>

/** The `FlowgladServer` methods that take `Input` as their only argument. */
type MethodTaking<Input> = {
  [M in keyof FlowgladServerLike]-?: FlowgladServerLike[M] extends (params: Input) => unknown
    ? M
    : never
}[keyof FlowgladServerLike]

/** The action's parsed input goes unchanged to that method of the customer's SDK. */
export function forwardTo<Input>(method: MethodTaking<Input>): Handler<Input> {
  // Called on `flowglad` itself (the real class keeps its state in #private fields); the cast
  // only picks the one member of the union that `method` names.
  return (input, { flowglad }) => (flowglad[method] as (params: Input) => Promise<unknown>)(input)
}

/** A checkout action: the return URLs must be pages of this app before the SDK method runs. */
export function checkoutVia<Input extends RedirectUrls>(
  method: MethodTaking<Input>,
): Handler<Input> {
  const forward = forwardTo(method)
  return (input, context) => {
    assertOwnRedirectUrls(input, context.request, context.allowedOrigins)
    return forward(input, context)
  }
}

/** A read answered from one billing read, cut by `view` to what the route returns. */
export function billingView<Input>(
  view: (billing: BillingWithChecks, input: Input) => unknown,
): Handler<Input> {
  return async (input, { flowglad }) => view(await flowglad.getBilling(), input)
}
