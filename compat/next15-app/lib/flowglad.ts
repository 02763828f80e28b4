// As the upstream docs write it: one customer-scoped FlowgladServer per request. The Next 16
// fixture imports this file too, so it must not import `next`.
import { FlowgladServer } from '@flowglad/nextjs/server'

export const flowglad = (customerExternalId: string) =>
  new FlowgladServer({
    customerExternalId,
    getCustomerDetails: async () => ({ email: 'ada@example.com', name: 'Ada' }),
  })
