// Generated at build time from the zod schemas by scripts/generate-validators.mjs: do not edit.
// `pnpm --filter @flowglad/shared build` rewrites it; validators.test.ts fails when it is stale.
import { compiledSchema, type PackedNode, packedTable } from '../validators/compiled-schemas.js'

const nodes = /* @__PURE__ */ packedTable((): PackedNode[] => [
{"t":"string","e":"priceSlug must be a string","c":[{"k":"min_length","n":1,"e":"priceSlug must not be empty"}]},
{"t":"string","e":"priceId must be a string","c":[{"k":"min_length","n":1,"e":"priceId must not be empty"}]},
{"t":"number","e":"quantity must be a positive integer","c":[{"k":"int"},{"k":"greater_than","n":0}]},
{"t":"object","strict":true,"shape":{"priceId":-2,"priceSlug":-1,"quantity":-3},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["priceId","priceSlug"],"Exactly one of priceId or priceSlug must be provided"]}}]},
{"t":"array","item":3,"e":"subscriptionItems must be an array","c":[{"k":"min_length","n":1,"e":"subscriptionItems must contain at least one item"}]},
{"t":"string","e":"subscriptionId must be a string","c":[{"k":"min_length","n":1,"e":"subscriptionId must not be empty"}]},
{"t":"enum","values":["immediately","at_end_of_current_billing_period","auto"],"e":"timing must be 'immediately', 'at_end_of_current_billing_period' or 'auto'"},
{"t":"default","inner":6,"value":"auto"},
{"t":"boolean","e":"prorate must be a boolean"},
{"t":"object","strict":true,"shape":{"priceSlug":-1,"priceId":-2,"quantity":-3,"subscriptionItems":-5,"subscriptionId":-6,"timing":7,"prorate":-9},"c":[{"k":"super_refine","fn":{"name":"oneAdjustmentForm","args":[]}}]},
{"t":"string"},
{"t":"string","c":[{"k":"pattern","format":"email","source":"^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$","flags":""}]},
{"t":"nullable","inner":10},
{"t":"object","shape":{"name":-11,"line1":12,"line2":12,"city":12,"state":12,"postal_code":12,"country":10}},
{"t":"object","shape":{"name":-11,"firstName":-11,"lastName":-11,"email":-12,"phone":-11,"address":13}},
{"t":"string","e":"usageMeterId must be a string","c":[{"k":"min_length","n":1,"e":"usageMeterId must not be empty"}]},
{"t":"string","e":"usageMeterSlug must be a string","c":[{"k":"min_length","n":1,"e":"usageMeterSlug must not be empty"}]},
{"t":"number","e":"amount must be a positive integer","c":[{"k":"int"},{"k":"greater_than","n":0}]},
{"t":"string","e":"transactionId must be a string","c":[{"k":"min_length","n":1,"e":"transactionId must not be empty"}]},
{"t":"unknown"},
{"t":"record","key":10,"value":19,"e":"properties must be an object","c":[{"k":"super_refine","fn":{"name":"plainJsonProperties","args":[]}}]},
{"t":"nullable","inner":20},
{"t":"number","e":"usageDate must be epoch milliseconds","c":[{"k":"int"},{"k":"greater_than","n":0,"inclusive":true}]},
{"t":"nullable","inner":22},
{"t":"object","strict":true,"shape":{"priceId":-2,"priceSlug":-1,"usageMeterId":-16,"usageMeterSlug":-17,"amount":17,"subscriptionId":5,"transactionId":18,"properties":-22,"usageDate":-24},"e":{"invalid_type":"a usage event must be an object"},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["priceId","priceSlug","usageMeterId","usageMeterSlug"],"Exactly one of priceId, priceSlug, usageMeterId, or usageMeterSlug must be provided"]}}]},
{"t":"array","item":24,"e":"usageEvents must be an array","c":[{"k":"min_length","n":1,"e":"usageEvents must contain at least one event"}]},
{"t":"object","strict":true,"shape":{"usageEvents":25},"e":{"invalid_type":"expected an object { usageEvents: [...] }"}},
{"t":"string","e":"id must be a string","c":[{"k":"min_length","n":1,"e":"id must not be empty"}]},
{"t":"literal","values":["at_end_of_current_billing_period"]},
{"t":"object","shape":{"timing":28}},
{"t":"literal","values":["immediately"]},
{"t":"object","shape":{"timing":30}},
{"t":"discriminated_union","key":"timing","options":[["at_end_of_current_billing_period",29],["immediately",31]],"e":"cancellation.timing must be 'at_end_of_current_billing_period' or 'immediately'"},
{"t":"object","strict":true,"shape":{"id":27,"cancellation":32}},
{"t":"string","e":"resourceSlug must be a string","c":[{"k":"min_length","n":1,"e":"resourceSlug must not be empty"}]},
{"t":"string","c":[{"k":"max_length","n":500,"e":"metadata values must be numbers, booleans or strings of at most 500 characters"}]},
{"t":"number"},
{"t":"boolean"},
{"t":"union","options":[35,36,37],"e":"metadata values must be numbers, booleans or strings of at most 500 characters"},
{"t":"record","key":10,"value":38,"e":"metadata must be an object"},
{"t":"string","e":"externalId must be a string","c":[{"k":"min_length","n":1,"e":"externalId must not be empty"},{"k":"max_length","n":255,"e":"externalId must be at most 255 characters"}]},
{"t":"string","e":"externalIds item must be a string","c":[{"k":"min_length","n":1,"e":"externalIds item must not be empty"},{"k":"max_length","n":255,"e":"externalIds item must be at most 255 characters"}]},
{"t":"array","item":41,"e":"externalIds must be an array of strings","c":[{"k":"min_length","n":1,"e":"externalIds must contain at least one id"}]},
{"t":"object","strict":true,"shape":{"resourceSlug":34,"subscriptionId":-6,"metadata":-40,"quantity":-3,"externalId":-41,"externalIds":-43},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["quantity","externalId","externalIds"],"Exactly one of quantity, externalId or externalIds must be provided"]}}]},
{"t":"string","e":"startDate must be an ISO date-time","c":[{"k":"pattern","format":"datetime","source":"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$","flags":""}]},
{"t":"number","c":[{"k":"int"}]},
{"t":"union","options":[10,36,37]},
{"t":"record","key":10,"value":46},
{"t":"enum","values":["day","week","month","year"]},
{"t":"number","e":"intervalCount must be a positive integer","c":[{"k":"int"},{"k":"greater_than","n":0}]},
{"t":"default","inner":37,"value":false},
{"t":"object","strict":true,"shape":{"priceId":-2,"priceSlug":-1,"quantity":-3,"startDate":-45,"trialEnd":-46,"metadata":-48,"name":-11,"backupPaymentMethodId":-11,"defaultPaymentMethodId":-11,"interval":-49,"intervalCount":-50,"doNotCharge":50},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["priceId","priceSlug"],"Exactly one of priceId or priceSlug must be provided"]}}]},
{"t":"object","strict":true,"shape":{"priceId":-2,"priceSlug":-1,"usageMeterId":-16,"usageMeterSlug":-17,"amount":-18,"subscriptionId":-6,"transactionId":-19,"properties":-22,"usageDate":-24},"e":{"invalid_type":"a usage event must be an object"},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["priceId","priceSlug","usageMeterId","usageMeterSlug"],"Exactly one of priceId, priceSlug, usageMeterId, or usageMeterSlug must be provided"]}}]},
{"t":"string","e":"successUrl must be an absolute URL","c":[{"k":"url"},{"k":"refine","fn":{"name":"httpUrl","args":[]},"path":[],"e":"successUrl must be an http or https URL"}]},
{"t":"string","e":"cancelUrl must be an absolute URL","c":[{"k":"url"},{"k":"refine","fn":{"name":"httpUrl","args":[]},"path":[],"e":"cancelUrl must be an http or https URL"}]},
{"t":"record","key":10,"value":19},
{"t":"literal","values":["activate_subscription"],"e":"type must be 'activate_subscription' for this checkout"},
{"t":"string","e":"targetSubscriptionId must be a string","c":[{"k":"min_length","n":1,"e":"targetSubscriptionId must not be empty"}]},
{"t":"object","strict":true,"shape":{"successUrl":53,"cancelUrl":54,"outputMetadata":-56,"outputName":-11,"type":-57,"targetSubscriptionId":57}},
{"t":"literal","values":["add_payment_method"],"e":"type must be 'add_payment_method' for this checkout"},
{"t":"object","strict":true,"shape":{"successUrl":53,"cancelUrl":54,"outputMetadata":-56,"outputName":-11,"type":-60,"targetSubscriptionId":-58}},
{"t":"literal","values":["product"],"e":"type must be 'product' for this checkout"},
{"t":"default","inner":2,"value":1},
{"t":"object","strict":true,"shape":{"successUrl":53,"cancelUrl":54,"outputMetadata":-56,"outputName":-11,"type":-62,"priceId":-2,"priceSlug":-1,"quantity":62},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["priceId","priceSlug"],"Exactly one of priceId or priceSlug must be provided"]}}]},
{"t":"string","e":"customerId must be a string","c":[{"k":"min_length","n":1,"e":"customerId must not be empty"}]},
{"t":"object","strict":true,"shape":{"priceId":-2,"priceSlug":-1,"quantity":-3,"startDate":-45,"trialEnd":-46,"metadata":-48,"name":-11,"backupPaymentMethodId":-11,"defaultPaymentMethodId":-11,"interval":-49,"intervalCount":-50,"doNotCharge":50,"customerId":64},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["priceId","priceSlug"],"Exactly one of priceId or priceSlug must be provided"]}}]},
{"t":"string","e":"email must be a valid email address","c":[{"k":"pattern","format":"email","source":"^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$","flags":""}]},
{"t":"object","shape":{"externalId":-11}},
{"t":"object","shape":{"id":-28,"name":-11,"email":-67,"phone":-11,"billingAddress":-15}},
{"t":"object","strict":true,"shape":{}},
{"t":"object","strict":true,"shape":{"subscriptionId":-6}},
{"t":"number","e":"limit must be a positive integer","c":[{"k":"int"},{"k":"greater_than","n":0}]},
{"t":"string","e":"startingAfter must be a string","c":[{"k":"min_length","n":1,"e":"startingAfter must not be empty"}]},
{"t":"object","strict":true,"shape":{"limit":-72,"startingAfter":-73}},
{"t":"string","e":"resourceId must be a string","c":[{"k":"min_length","n":1,"e":"resourceId must not be empty"}]},
{"t":"object","strict":true,"shape":{"subscriptionId":-6,"resourceSlug":-35,"resourceId":-75},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["resourceSlug","resourceId"],"Exactly one of resourceSlug or resourceId must be provided"]}}]},
{"t":"boolean","e":"includeHistorical must be a boolean"},
{"t":"object","strict":true,"shape":{"includeHistorical":-77}},
{"t":"object","strict":true,"shape":{"subscriptionId":-6,"resourceSlug":-35}},
{"t":"string","e":"claimIds item must be a string","c":[{"k":"min_length","n":1,"e":"claimIds item must not be empty"}]},
{"t":"array","item":79,"e":"claimIds must be an array of strings","c":[{"k":"min_length","n":1,"e":"claimIds must contain at least one id"}]},
{"t":"object","strict":true,"shape":{"resourceSlug":34,"subscriptionId":-6,"quantity":-3,"externalId":-41,"externalIds":-43,"claimIds":-81},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["quantity","externalId","externalIds","claimIds"],"Exactly one of quantity, externalId, externalIds or claimIds must be provided"]}}]},
{"t":"object","strict":true,"shape":{"id":27}},
{"t":"object","shape":{"id":27,"name":-11,"email":-67,"phone":-11,"billingAddress":-15}},
{"t":"string","e":"externalId must be a string","c":[{"k":"min_length","n":1,"e":"externalId must not be empty"}]},
{"t":"object","shape":{"customer":83,"externalId":84}},
{"t":"object","strict":true,"shape":{"subscriptionId":-6,"externalId":-11}},
])

export const adjustSubscriptionParamsSchema = /* @__PURE__ */ compiledSchema<'adjustSubscriptionParamsSchema'>(nodes, 9)
export const billingAddressSchema = /* @__PURE__ */ compiledSchema<'billingAddressSchema'>(nodes, 14)
export const bulkCreateUsageEventsSchema = /* @__PURE__ */ compiledSchema<'bulkCreateUsageEventsSchema'>(nodes, 26)
export const cancelSubscriptionSchema = /* @__PURE__ */ compiledSchema<'cancelSubscriptionSchema'>(nodes, 33)
export const claimResourceSchema = /* @__PURE__ */ compiledSchema<'claimResourceSchema'>(nodes, 43)
export const clientCreateSubscriptionSchema = /* @__PURE__ */ compiledSchema<'clientCreateSubscriptionSchema'>(nodes, 51)
export const clientCreateUsageEventSchema = /* @__PURE__ */ compiledSchema<'clientCreateUsageEventSchema'>(nodes, 52)
export const createActivateSubscriptionCheckoutSessionSchema = /* @__PURE__ */ compiledSchema<'createActivateSubscriptionCheckoutSessionSchema'>(nodes, 58)
export const createAddPaymentMethodCheckoutSessionSchema = /* @__PURE__ */ compiledSchema<'createAddPaymentMethodCheckoutSessionSchema'>(nodes, 60)
export const createProductCheckoutSessionSchema = /* @__PURE__ */ compiledSchema<'createProductCheckoutSessionSchema'>(nodes, 63)
export const createSubscriptionSchema = /* @__PURE__ */ compiledSchema<'createSubscriptionSchema'>(nodes, 65)
export const createUsageEventSchema = /* @__PURE__ */ compiledSchema<'createUsageEventSchema'>(nodes, 24)
export const customerEmailSchema = /* @__PURE__ */ compiledSchema<'customerEmailSchema'>(nodes, -67)
export const customerScopedInputSchema = /* @__PURE__ */ compiledSchema<'customerScopedInputSchema'>(nodes, 67)
export const customerUpdateFieldsSchema = /* @__PURE__ */ compiledSchema<'customerUpdateFieldsSchema'>(nodes, 68)
export const getCustomerDetailsSchema = /* @__PURE__ */ compiledSchema<'getCustomerDetailsSchema'>(nodes, 69)
export const getFeatureAccessItemsSchema = /* @__PURE__ */ compiledSchema<'getFeatureAccessItemsSchema'>(nodes, 70)
export const getInvoicesSchema = /* @__PURE__ */ compiledSchema<'getInvoicesSchema'>(nodes, 73)
export const getPaymentMethodsSchema = /* @__PURE__ */ compiledSchema<'getPaymentMethodsSchema'>(nodes, 69)
export const getPricingModelSchema = /* @__PURE__ */ compiledSchema<'getPricingModelSchema'>(nodes, 69)
export const getPurchasesSchema = /* @__PURE__ */ compiledSchema<'getPurchasesSchema'>(nodes, 73)
export const getResourcesSchema = /* @__PURE__ */ compiledSchema<'getResourcesSchema'>(nodes, 70)
export const getResourceUsageSchema = /* @__PURE__ */ compiledSchema<'getResourceUsageSchema'>(nodes, 75)
export const getSubscriptionsSchema = /* @__PURE__ */ compiledSchema<'getSubscriptionsSchema'>(nodes, 77)
export const getUsageMeterBalancesSchema = /* @__PURE__ */ compiledSchema<'getUsageMeterBalancesSchema'>(nodes, 70)
export const listResourceClaimsSchema = /* @__PURE__ */ compiledSchema<'listResourceClaimsSchema'>(nodes, 78)
export const releaseResourceSchema = /* @__PURE__ */ compiledSchema<'releaseResourceSchema'>(nodes, 81)
export const resourceClaimMetadataSchema = /* @__PURE__ */ compiledSchema<'resourceClaimMetadataSchema'>(nodes, 39)
export const subscriptionAdjustmentTimingSchema = /* @__PURE__ */ compiledSchema<'subscriptionAdjustmentTimingSchema'>(nodes, 6)
export const terseSubscriptionItemSchema = /* @__PURE__ */ compiledSchema<'terseSubscriptionItemSchema'>(nodes, 3)
export const uncancelSubscriptionSchema = /* @__PURE__ */ compiledSchema<'uncancelSubscriptionSchema'>(nodes, 82)
export const updateCustomerInputSchema = /* @__PURE__ */ compiledSchema<'updateCustomerInputSchema'>(nodes, 83)
export const updateCustomerSchema = /* @__PURE__ */ compiledSchema<'updateCustomerSchema'>(nodes, 85)
export const usageAmountSchema = /* @__PURE__ */ compiledSchema<'usageAmountSchema'>(nodes, 17)
export const usageDateSchema = /* @__PURE__ */ compiledSchema<'usageDateSchema'>(nodes, 22)
export const usageMeterBalancesInputSchema = /* @__PURE__ */ compiledSchema<'usageMeterBalancesInputSchema'>(nodes, 86)
export const usagePropertiesSchema = /* @__PURE__ */ compiledSchema<'usagePropertiesSchema'>(nodes, 20)

/** The input validator of each action of the action table. */
export const compiledActionSchemas = {
  'customers/billing': customerScopedInputSchema,
  'customers/find-or-create': customerScopedInputSchema,
  'customers/update': updateCustomerSchema,
  'checkout-sessions/create': createProductCheckoutSessionSchema,
  'checkout-sessions/create-add-payment-method': createAddPaymentMethodCheckoutSessionSchema,
  'checkout-sessions/create-activate-subscription': createActivateSubscriptionCheckoutSessionSchema,
  'subscriptions/cancel': cancelSubscriptionSchema,
  'subscriptions/uncancel': uncancelSubscriptionSchema,
  'subscriptions/create': clientCreateSubscriptionSchema,
  'usage-events/create': clientCreateUsageEventSchema,
  'usage-meters/balances': usageMeterBalancesInputSchema,
  'subscriptions/adjust': adjustSubscriptionParamsSchema,
  'pricing-models/retrieve': getPricingModelSchema,
  'subscriptions/list': getSubscriptionsSchema,
  'features/access': getFeatureAccessItemsSchema,
  'payment-methods/list': getPaymentMethodsSchema,
  'customerDetails': getCustomerDetailsSchema,
  'invoices/list': getInvoicesSchema,
  'purchases/list': getInvoicesSchema,
  'resources/usages': getResourcesSchema,
  'resources/usages/retrieve': getResourceUsageSchema,
  'resources/claim': claimResourceSchema,
  'resources/release': releaseResourceSchema,
  'resources/claims': listResourceClaimsSchema,
}
