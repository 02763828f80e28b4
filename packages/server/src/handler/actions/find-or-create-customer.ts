import type { ActionHandler } from '../types.js'

/** `customers/find-or-create`: always `{ customer }` (upstream's create path nested it in `data`). */
export const findOrCreateCustomer: ActionHandler<'customers/find-or-create'> = async (
  _input,
  { flowglad },
) => ({ customer: await flowglad.findOrCreateCustomer() })
