// The seed's first `reportUsage` example (usage-based-billing guide), verbatim except: the import
// points at this package's source (the seed says "Adjust import based on your setup"), `db` is a
// stub, and `Record<string, any>` is `Record<string, unknown>` (the house bans `any`).
import { FlowgladServer } from '../../src/index.js' // Adjust import based on your setup
import { db } from './db.js'

// Create a FlowgladServer factory function
// customerExternalId is the ID from YOUR app's database, NOT Flowglad's customer ID
const flowglad = (customerExternalId: string) => {
  return new FlowgladServer({
    customerExternalId,
    getCustomerDetails: async (externalId) => {
      const user = await db.users.findOne({ id: externalId })
      return {
        email: user.email,
        name: user.name,
      }
    },
  })
}

export const reportUsage = async (data: {
  customerExternalId: string // The customer ID from YOUR app's database, NOT Flowglad's customer ID
  subscriptionId: string // The ID of the usage subscription
  priceSlug: string // The slug of the specific usage price
  amount: number // The quantity of usage (for 'sum' aggregation)
  transactionId: string // A unique ID from your system to ensure idempotency
  usageDate?: Date // Optional: Defaults to now. Date usage occurred.
  properties?: Record<string, unknown> // Required for 'count_distinct_properties' meters
  // e.g., { "userId": "user_123" }
}) => {
  try {
    const usageEventPayload = {
      subscriptionId: data.subscriptionId,
      priceSlug: data.priceSlug,
      amount: data.amount,
      transactionId: data.transactionId,
      ...(data.usageDate && { usageDate: data.usageDate.getTime() }), // Send as milliseconds
      ...(data.properties && { properties: data.properties }),
    }

    const result = await flowglad(data.customerExternalId).createUsageEvent(usageEventPayload)

    console.log('Usage event created successfully:', result.usageEvent.id)
    return result.usageEvent
  } catch (error) {
    console.error('Failed to create usage event:', error)
    // Handle error appropriately
    throw error
  }
}
