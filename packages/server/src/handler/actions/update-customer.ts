import type { ActionHandler } from '../types.js'

/** `customers/update`: the body's externalId was checked against the session by the core. */
export const updateCustomer: ActionHandler<'customers/update'> = (input, { flowglad }) =>
  flowglad.updateCustomer({ customer: input.customer })
