// The seed's second `reportUsage` example (usage meter), verbatim with the same three
// adjustments as report-usage-with-price.ts.
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
  usageMeterSlug: string // The slug of the usage meter
  amount: number // The quantity of usage (for 'sum' aggregation)
  transactionId: string // A unique ID from your system to ensure idempotency
  usageDate?: Date // Optional: Defaults to now. Date usage occurred.
  properties?: Record<string, unknown> // Required for 'count_distinct_properties' meters
  // e.g., { "userId": "user_123" }
}) => {
  try {
    const usageEventPayload = {
      subscriptionId: data.subscriptionId,
      usageMeterSlug: data.usageMeterSlug,
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
