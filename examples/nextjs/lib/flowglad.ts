import { FlowgladServer } from '@flowglad/nextjs/server'
import { findDemoUser } from './demo-users'

/** Where the Flowglad API lives: the local emulator unless FLOWGLAD_BASE_URL says otherwise. */
export const flowgladBaseURL = process.env.FLOWGLAD_BASE_URL ?? 'http://127.0.0.1:4010'
const apiKey = process.env.FLOWGLAD_SECRET_KEY ?? 'sk_test_demo'

/** One customer-scoped server SDK per signed-in user. */
export function flowglad(customerExternalId: string): FlowgladServer {
  return new FlowgladServer({
    customerExternalId,
    apiKey,
    baseURL: flowgladBaseURL,
    getCustomerDetails: async (externalId: string) => {
      const user = findDemoUser(externalId)
      if (!user) throw new Error(`Unknown demo user ${externalId}`)
      return { name: user.name, email: user.email }
    },
  })
}
