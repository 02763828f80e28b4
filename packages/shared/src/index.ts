// The full entry (with zod): everything in ./browser plus the schemas and the action table.

export {
  type FlowgladAction,
  type FlowgladActionInput,
  type FlowgladActionParams,
  type FlowgladActionTable,
  type FlowgladActionValidatorMap,
  flowgladActions,
  flowgladActionValidators,
} from './action-table.js'
export * from './browser.js'
export {
  adjustSubscriptionParamsSchema,
  subscriptionAdjustmentTimingSchema,
  terseSubscriptionItemSchema,
} from './schemas/adjust-subscription.js'
export {
  createActivateSubscriptionCheckoutSessionSchema,
  createAddPaymentMethodCheckoutSessionSchema,
  createProductCheckoutSessionSchema,
} from './schemas/checkout-sessions.js'
export {
  billingAddressSchema,
  customerEmailSchema,
  customerScopedInputSchema,
  customerUpdateFieldsSchema,
  updateCustomerInputSchema,
  updateCustomerSchema,
  usageMeterBalancesInputSchema,
} from './schemas/customers.js'
export {
  getCustomerDetailsSchema,
  getFeatureAccessItemsSchema,
  getInvoicesSchema,
  getPaymentMethodsSchema,
  getPricingModelSchema,
  getPurchasesSchema,
  getSubscriptionsSchema,
  getUsageMeterBalancesSchema,
} from './schemas/reads.js'
export {
  claimResourceSchema,
  getResourcesSchema,
  getResourceUsageSchema,
  listResourceClaimsSchema,
  RESOURCE_EXTERNAL_ID_MAX_LENGTH,
  RESOURCE_METADATA_STRING_MAX_LENGTH,
  releaseResourceSchema,
  resourceClaimMetadataSchema,
} from './schemas/resources.js'
export {
  cancelSubscriptionSchema,
  clientCreateSubscriptionSchema,
  createSubscriptionSchema,
  uncancelSubscriptionSchema,
} from './schemas/subscriptions.js'
export {
  bulkCreateUsageEventsSchema,
  clientCreateUsageEventSchema,
  createUsageEventSchema,
  usageAmountSchema,
  usageDateSchema,
} from './schemas/usage-events.js'
export {
  type UsagePropertiesProblem,
  usagePropertiesLimits,
  usagePropertiesSchema,
  validateUsageProperties,
} from './schemas/usage-properties.js'
export { parseOrThrow, zodIssuesToValidationError } from './validation.js'
export {
  FLOWGLAD_WEBHOOK_EVENT_TYPES,
  type FlowgladWebhookEventType,
} from './webhook-event-types.js'
