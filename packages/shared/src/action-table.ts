import type { z } from 'zod'
import { FlowgladActionKey } from './action-keys.js'
import { type FlowgladRoute, flowgladRoutes } from './route-manifest.js'
import { adjustSubscriptionParamsSchema } from './schemas/adjust-subscription.js'
import {
  createActivateSubscriptionCheckoutSessionSchema,
  createAddPaymentMethodCheckoutSessionSchema,
  createProductCheckoutSessionSchema,
} from './schemas/checkout-sessions.js'
import {
  customerScopedInputSchema,
  updateCustomerSchema,
  usageMeterBalancesInputSchema,
} from './schemas/customers.js'
import {
  getCustomerDetailsSchema,
  getFeatureAccessItemsSchema,
  getInvoicesSchema,
  getPaymentMethodsSchema,
  getPricingModelSchema,
  getPurchasesSchema,
  getSubscriptionsSchema,
} from './schemas/reads.js'
import {
  claimResourceSchema,
  getResourcesSchema,
  getResourceUsageSchema,
  listResourceClaimsSchema,
  releaseResourceSchema,
} from './schemas/resources.js'
import {
  cancelSubscriptionSchema,
  clientCreateSubscriptionSchema,
  uncancelSubscriptionSchema,
} from './schemas/subscriptions.js'
import { clientCreateUsageEventSchema } from './schemas/usage-events.js'

export interface FlowgladAction<S extends z.ZodType = z.ZodType> extends FlowgladRoute {
  /** Validates the request body once, at the edge of the route handler. */
  inputSchema: S
}

const inputSchemas = {
  [FlowgladActionKey.GetCustomerBilling]: customerScopedInputSchema,
  [FlowgladActionKey.FindOrCreateCustomer]: customerScopedInputSchema,
  [FlowgladActionKey.UpdateCustomer]: updateCustomerSchema,
  [FlowgladActionKey.CreateCheckoutSession]: createProductCheckoutSessionSchema,
  [FlowgladActionKey.CreateAddPaymentMethodCheckoutSession]:
    createAddPaymentMethodCheckoutSessionSchema,
  [FlowgladActionKey.CreateActivateSubscriptionCheckoutSession]:
    createActivateSubscriptionCheckoutSessionSchema,
  [FlowgladActionKey.CancelSubscription]: cancelSubscriptionSchema,
  [FlowgladActionKey.UncancelSubscription]: uncancelSubscriptionSchema,
  [FlowgladActionKey.CreateSubscription]: clientCreateSubscriptionSchema,
  [FlowgladActionKey.CreateUsageEvent]: clientCreateUsageEventSchema,
  [FlowgladActionKey.GetUsageMeterBalances]: usageMeterBalancesInputSchema,
  [FlowgladActionKey.AdjustSubscription]: adjustSubscriptionParamsSchema,
  [FlowgladActionKey.GetPricingModel]: getPricingModelSchema,
  [FlowgladActionKey.GetSubscriptions]: getSubscriptionsSchema,
  [FlowgladActionKey.GetFeatureAccess]: getFeatureAccessItemsSchema,
  [FlowgladActionKey.GetPaymentMethods]: getPaymentMethodsSchema,
  [FlowgladActionKey.GetCustomerDetails]: getCustomerDetailsSchema,
  [FlowgladActionKey.GetInvoices]: getInvoicesSchema,
  [FlowgladActionKey.GetPurchases]: getPurchasesSchema,
  [FlowgladActionKey.GetResourceUsages]: getResourcesSchema,
  [FlowgladActionKey.GetResourceUsage]: getResourceUsageSchema,
  [FlowgladActionKey.ClaimResource]: claimResourceSchema,
  [FlowgladActionKey.ReleaseResource]: releaseResourceSchema,
  [FlowgladActionKey.ListResourceClaims]: listResourceClaimsSchema,
} as const satisfies Record<FlowgladActionKey, z.ZodType>

type InputSchemas = typeof inputSchemas

/** The action table: one entry per key, the single source of truth for the route protocol. */
export type FlowgladActionTable = {
  [K in FlowgladActionKey]: (typeof flowgladRoutes)[K] & { inputSchema: InputSchemas[K] }
}

export const flowgladActions = Object.fromEntries(
  Object.values(FlowgladActionKey).map((key) => [
    key,
    { ...flowgladRoutes[key], inputSchema: inputSchemas[key] },
  ]),
) as FlowgladActionTable

/** Parsed (output) input of an action, as its handler receives it. */
export type FlowgladActionInput<K extends FlowgladActionKey> = z.output<InputSchemas[K]>
/** What a caller may send to an action. */
export type FlowgladActionParams<K extends FlowgladActionKey> = z.input<InputSchemas[K]>

/** Upstream name: key → `{ method, inputValidator }`. */
export const flowgladActionValidators = Object.fromEntries(
  Object.values(FlowgladActionKey).map((key) => [
    key,
    { method: flowgladRoutes[key].method, inputValidator: inputSchemas[key] },
  ]),
) as { [K in FlowgladActionKey]: { method: 'POST'; inputValidator: InputSchemas[K] } }

export type FlowgladActionValidatorMap = typeof flowgladActionValidators
