import { FlowgladServer } from '../server/flowglad-server.js'
import type { CustomerDetails } from '../server/session.js'
import type { FlowgladBetterAuthPluginOptions } from './types.js'

/** The customer-scoped server SDK, with the plugin's API options. */
export function customerServer(
  options: FlowgladBetterAuthPluginOptions,
  externalId: string,
  details: () => Promise<CustomerDetails>,
): FlowgladServer {
  return new FlowgladServer({
    customerExternalId: externalId,
    getCustomerDetails: details,
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    fetch: options.fetch,
  })
}
