// Generated at build time from the zod schemas by scripts/generate-validators.mjs: do not edit.
// `pnpm --filter @flowglad/shared build` rewrites it; validators.test.ts fails when it is stale.
import { compiledSchema, packedTable } from '../validators/compiled-schemas.js'

const nodes = /* @__PURE__ */ packedTable([
{"t":"string","e":"priceSlug must be a string","c":[{"k":"min_length","n":1,"e":"priceSlug must not be empty"}]},
{"t":"optional","inner":0,"optin":"optional","optout":"optional"},
{"t":"string","e":"priceId must be a string","c":[{"k":"min_length","n":1,"e":"priceId must not be empty"}]},
{"t":"optional","inner":2,"optin":"optional","optout":"optional"},
{"t":"number","e":"quantity must be a positive integer","c":[{"k":"int","e":"quantity must be a positive integer"},{"k":"greater_than","n":0,"inclusive":false,"e":"quantity must be a positive integer"}]},
{"t":"optional","inner":4,"optin":"optional","optout":"optional"},
{"t":"object","strict":true,"shape":{"priceId":3,"priceSlug":1,"quantity":5},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["priceId","priceSlug"],"Exactly one of priceId or priceSlug must be provided"]}}]},
{"t":"array","item":6,"e":"subscriptionItems must be an array","c":[{"k":"min_length","n":1,"e":"subscriptionItems must contain at least one item"}]},
{"t":"optional","inner":7,"optin":"optional","optout":"optional"},
{"t":"string","e":"subscriptionId must be a string","c":[{"k":"min_length","n":1,"e":"subscriptionId must not be empty"}]},
{"t":"optional","inner":9,"optin":"optional","optout":"optional"},
{"t":"enum","values":["immediately","at_end_of_current_billing_period","auto"],"e":"timing must be 'immediately', 'at_end_of_current_billing_period' or 'auto'"},
{"t":"default","inner":11,"value":"auto","optin":"defaulted"},
{"t":"boolean","e":"prorate must be a boolean"},
{"t":"optional","inner":13,"optin":"optional","optout":"optional"},
{"t":"object","strict":true,"shape":{"priceSlug":1,"priceId":3,"quantity":5,"subscriptionItems":8,"subscriptionId":10,"timing":12,"prorate":14},"c":[{"k":"super_refine","fn":{"name":"oneAdjustmentForm","args":[]}}]},
{"t":"string"},
{"t":"optional","inner":16,"optin":"optional","optout":"optional"},
{"t":"string","c":[{"k":"pattern","format":"email","source":"^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$","flags":""}]},
{"t":"optional","inner":18,"optin":"optional","optout":"optional"},
{"t":"nullable","inner":16},
{"t":"object","strict":false,"shape":{"name":17,"line1":20,"line2":20,"city":20,"state":20,"postal_code":20,"country":16}},
{"t":"object","strict":false,"shape":{"name":17,"firstName":17,"lastName":17,"email":19,"phone":17,"address":21}},
{"t":"string","e":"usageMeterId must be a string","c":[{"k":"min_length","n":1,"e":"usageMeterId must not be empty"}]},
{"t":"optional","inner":23,"optin":"optional","optout":"optional"},
{"t":"string","e":"usageMeterSlug must be a string","c":[{"k":"min_length","n":1,"e":"usageMeterSlug must not be empty"}]},
{"t":"optional","inner":25,"optin":"optional","optout":"optional"},
{"t":"number","e":"amount must be a positive integer","c":[{"k":"int","e":"amount must be a positive integer"},{"k":"greater_than","n":0,"inclusive":false,"e":"amount must be a positive integer"}]},
{"t":"string","e":"transactionId must be a string","c":[{"k":"min_length","n":1,"e":"transactionId must not be empty"}]},
{"t":"unknown"},
{"t":"record","key":16,"value":29,"e":"properties must be an object","c":[{"k":"super_refine","fn":{"name":"plainJsonProperties","args":[]}}]},
{"t":"nullable","inner":30},
{"t":"optional","inner":31,"optin":"optional","optout":"optional"},
{"t":"number","e":"usageDate must be epoch milliseconds","c":[{"k":"int","e":"usageDate must be epoch milliseconds"},{"k":"greater_than","n":0,"inclusive":true,"e":"usageDate must be epoch milliseconds"}]},
{"t":"nullable","inner":33},
{"t":"optional","inner":34,"optin":"optional","optout":"optional"},
{"t":"object","strict":true,"shape":{"priceId":3,"priceSlug":1,"usageMeterId":24,"usageMeterSlug":26,"amount":27,"subscriptionId":9,"transactionId":28,"properties":32,"usageDate":35},"e":{"invalid_type":"a usage event must be an object"},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["priceId","priceSlug","usageMeterId","usageMeterSlug"],"Exactly one of priceId, priceSlug, usageMeterId, or usageMeterSlug must be provided"]}}]},
{"t":"array","item":36,"e":"usageEvents must be an array","c":[{"k":"min_length","n":1,"e":"usageEvents must contain at least one event"}]},
{"t":"object","strict":true,"shape":{"usageEvents":37},"e":{"invalid_type":"expected an object { usageEvents: [...] }"}},
{"t":"string","e":"id must be a string","c":[{"k":"min_length","n":1,"e":"id must not be empty"}]},
{"t":"literal","values":["at_end_of_current_billing_period"]},
{"t":"object","strict":false,"shape":{"timing":40}},
{"t":"literal","values":["immediately"]},
{"t":"object","strict":false,"shape":{"timing":42}},
{"t":"discriminated_union","key":"timing","options":[["at_end_of_current_billing_period",41],["immediately",43]],"e":"cancellation.timing must be 'at_end_of_current_billing_period' or 'immediately'"},
{"t":"object","strict":true,"shape":{"id":39,"cancellation":44}},
{"t":"string","e":"resourceSlug must be a string","c":[{"k":"min_length","n":1,"e":"resourceSlug must not be empty"}]},
{"t":"string","c":[{"k":"max_length","n":500,"e":"metadata values must be numbers, booleans or strings of at most 500 characters"}]},
{"t":"number"},
{"t":"boolean"},
{"t":"union","options":[47,48,49],"e":"metadata values must be numbers, booleans or strings of at most 500 characters"},
{"t":"record","key":16,"value":50,"e":"metadata must be an object"},
{"t":"optional","inner":51,"optin":"optional","optout":"optional"},
{"t":"string","e":"externalId must be a string","c":[{"k":"min_length","n":1,"e":"externalId must not be empty"},{"k":"max_length","n":255,"e":"externalId must be at most 255 characters"}]},
{"t":"optional","inner":53,"optin":"optional","optout":"optional"},
{"t":"string","e":"externalIds item must be a string","c":[{"k":"min_length","n":1,"e":"externalIds item must not be empty"},{"k":"max_length","n":255,"e":"externalIds item must be at most 255 characters"}]},
{"t":"array","item":55,"e":"externalIds must be an array of strings","c":[{"k":"min_length","n":1,"e":"externalIds must contain at least one id"}]},
{"t":"optional","inner":56,"optin":"optional","optout":"optional"},
{"t":"object","strict":true,"shape":{"resourceSlug":46,"subscriptionId":10,"metadata":52,"quantity":5,"externalId":54,"externalIds":57},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["quantity","externalId","externalIds"],"Exactly one of quantity, externalId or externalIds must be provided"]}}]},
{"t":"string","e":"startDate must be an ISO date-time","c":[{"k":"pattern","format":"datetime","source":"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$","flags":"","e":"startDate must be an ISO date-time"}]},
{"t":"optional","inner":59,"optin":"optional","optout":"optional"},
{"t":"number","c":[{"k":"int"}]},
{"t":"optional","inner":61,"optin":"optional","optout":"optional"},
{"t":"union","options":[16,48,49]},
{"t":"record","key":16,"value":63},
{"t":"optional","inner":64,"optin":"optional","optout":"optional"},
{"t":"enum","values":["day","week","month","year"]},
{"t":"optional","inner":66,"optin":"optional","optout":"optional"},
{"t":"number","e":"intervalCount must be a positive integer","c":[{"k":"int","e":"intervalCount must be a positive integer"},{"k":"greater_than","n":0,"inclusive":false,"e":"intervalCount must be a positive integer"}]},
{"t":"optional","inner":68,"optin":"optional","optout":"optional"},
{"t":"default","inner":49,"value":false,"optin":"defaulted"},
{"t":"object","strict":true,"shape":{"priceId":3,"priceSlug":1,"quantity":5,"startDate":60,"trialEnd":62,"metadata":65,"name":17,"backupPaymentMethodId":17,"defaultPaymentMethodId":17,"interval":67,"intervalCount":69,"doNotCharge":70},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["priceId","priceSlug"],"Exactly one of priceId or priceSlug must be provided"]}}]},
{"t":"optional","inner":27,"optin":"optional","optout":"optional"},
{"t":"optional","inner":28,"optin":"optional","optout":"optional"},
{"t":"object","strict":true,"shape":{"priceId":3,"priceSlug":1,"usageMeterId":24,"usageMeterSlug":26,"amount":72,"subscriptionId":10,"transactionId":73,"properties":32,"usageDate":35},"e":{"invalid_type":"a usage event must be an object"},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["priceId","priceSlug","usageMeterId","usageMeterSlug"],"Exactly one of priceId, priceSlug, usageMeterId, or usageMeterSlug must be provided"]}}]},
{"t":"string","e":"successUrl must be an absolute URL","c":[{"k":"url","e":"successUrl must be an absolute URL"},{"k":"refine","fn":{"name":"httpUrl","args":[]},"path":[],"e":"successUrl must be an http or https URL"}]},
{"t":"string","e":"cancelUrl must be an absolute URL","c":[{"k":"url","e":"cancelUrl must be an absolute URL"},{"k":"refine","fn":{"name":"httpUrl","args":[]},"path":[],"e":"cancelUrl must be an http or https URL"}]},
{"t":"record","key":16,"value":29},
{"t":"optional","inner":77,"optin":"optional","optout":"optional"},
{"t":"literal","values":["activate_subscription"],"e":"type must be 'activate_subscription' for this checkout"},
{"t":"optional","inner":79,"optin":"optional","optout":"optional"},
{"t":"string","e":"targetSubscriptionId must be a string","c":[{"k":"min_length","n":1,"e":"targetSubscriptionId must not be empty"}]},
{"t":"object","strict":true,"shape":{"successUrl":75,"cancelUrl":76,"outputMetadata":78,"outputName":17,"type":80,"targetSubscriptionId":81}},
{"t":"literal","values":["add_payment_method"],"e":"type must be 'add_payment_method' for this checkout"},
{"t":"optional","inner":83,"optin":"optional","optout":"optional"},
{"t":"optional","inner":81,"optin":"optional","optout":"optional"},
{"t":"object","strict":true,"shape":{"successUrl":75,"cancelUrl":76,"outputMetadata":78,"outputName":17,"type":84,"targetSubscriptionId":85}},
{"t":"literal","values":["product"],"e":"type must be 'product' for this checkout"},
{"t":"optional","inner":87,"optin":"optional","optout":"optional"},
{"t":"default","inner":4,"value":1,"optin":"defaulted"},
{"t":"object","strict":true,"shape":{"successUrl":75,"cancelUrl":76,"outputMetadata":78,"outputName":17,"type":88,"priceId":3,"priceSlug":1,"quantity":89},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["priceId","priceSlug"],"Exactly one of priceId or priceSlug must be provided"]}}]},
{"t":"string","e":"customerId must be a string","c":[{"k":"min_length","n":1,"e":"customerId must not be empty"}]},
{"t":"object","strict":true,"shape":{"priceId":3,"priceSlug":1,"quantity":5,"startDate":60,"trialEnd":62,"metadata":65,"name":17,"backupPaymentMethodId":17,"defaultPaymentMethodId":17,"interval":67,"intervalCount":69,"doNotCharge":70,"customerId":91},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["priceId","priceSlug"],"Exactly one of priceId or priceSlug must be provided"]}}]},
{"t":"string","e":"email must be a valid email address","c":[{"k":"pattern","format":"email","source":"^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$","flags":"","e":"email must be a valid email address"}]},
{"t":"optional","inner":93,"optin":"optional","optout":"optional"},
{"t":"object","strict":false,"shape":{"externalId":17}},
{"t":"optional","inner":39,"optin":"optional","optout":"optional"},
{"t":"optional","inner":22,"optin":"optional","optout":"optional"},
{"t":"object","strict":false,"shape":{"id":96,"name":17,"email":94,"phone":17,"billingAddress":97}},
{"t":"object","strict":true,"shape":{}},
{"t":"object","strict":true,"shape":{"subscriptionId":10}},
{"t":"number","e":"limit must be a positive integer","c":[{"k":"int","e":"limit must be a positive integer"},{"k":"greater_than","n":0,"inclusive":false,"e":"limit must be a positive integer"}]},
{"t":"optional","inner":101,"optin":"optional","optout":"optional"},
{"t":"string","e":"startingAfter must be a string","c":[{"k":"min_length","n":1,"e":"startingAfter must not be empty"}]},
{"t":"optional","inner":103,"optin":"optional","optout":"optional"},
{"t":"object","strict":true,"shape":{"limit":102,"startingAfter":104}},
{"t":"optional","inner":46,"optin":"optional","optout":"optional"},
{"t":"string","e":"resourceId must be a string","c":[{"k":"min_length","n":1,"e":"resourceId must not be empty"}]},
{"t":"optional","inner":107,"optin":"optional","optout":"optional"},
{"t":"object","strict":true,"shape":{"subscriptionId":10,"resourceSlug":106,"resourceId":108},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["resourceSlug","resourceId"],"Exactly one of resourceSlug or resourceId must be provided"]}}]},
{"t":"boolean","e":"includeHistorical must be a boolean"},
{"t":"optional","inner":110,"optin":"optional","optout":"optional"},
{"t":"object","strict":true,"shape":{"includeHistorical":111}},
{"t":"object","strict":true,"shape":{"subscriptionId":10,"resourceSlug":106}},
{"t":"string","e":"claimIds item must be a string","c":[{"k":"min_length","n":1,"e":"claimIds item must not be empty"}]},
{"t":"array","item":114,"e":"claimIds must be an array of strings","c":[{"k":"min_length","n":1,"e":"claimIds must contain at least one id"}]},
{"t":"optional","inner":115,"optin":"optional","optout":"optional"},
{"t":"object","strict":true,"shape":{"resourceSlug":46,"subscriptionId":10,"quantity":5,"externalId":54,"externalIds":57,"claimIds":116},"c":[{"k":"super_refine","fn":{"name":"requireExactlyOne","args":[["quantity","externalId","externalIds","claimIds"],"Exactly one of quantity, externalId, externalIds or claimIds must be provided"]}}]},
{"t":"object","strict":true,"shape":{"id":39}},
{"t":"object","strict":false,"shape":{"id":39,"name":17,"email":94,"phone":17,"billingAddress":97}},
{"t":"string","e":"externalId must be a string","c":[{"k":"min_length","n":1,"e":"externalId must not be empty"}]},
{"t":"object","strict":false,"shape":{"customer":119,"externalId":120}},
{"t":"object","strict":true,"shape":{"subscriptionId":10,"externalId":17}},
])

export const adjustSubscriptionParamsSchema = /* @__PURE__ */ compiledSchema<'adjustSubscriptionParamsSchema'>(nodes, 15)
export const billingAddressSchema = /* @__PURE__ */ compiledSchema<'billingAddressSchema'>(nodes, 22)
export const bulkCreateUsageEventsSchema = /* @__PURE__ */ compiledSchema<'bulkCreateUsageEventsSchema'>(nodes, 38)
export const cancelSubscriptionSchema = /* @__PURE__ */ compiledSchema<'cancelSubscriptionSchema'>(nodes, 45)
export const claimResourceSchema = /* @__PURE__ */ compiledSchema<'claimResourceSchema'>(nodes, 58)
export const clientCreateSubscriptionSchema = /* @__PURE__ */ compiledSchema<'clientCreateSubscriptionSchema'>(nodes, 71)
export const clientCreateUsageEventSchema = /* @__PURE__ */ compiledSchema<'clientCreateUsageEventSchema'>(nodes, 74)
export const createActivateSubscriptionCheckoutSessionSchema = /* @__PURE__ */ compiledSchema<'createActivateSubscriptionCheckoutSessionSchema'>(nodes, 82)
export const createAddPaymentMethodCheckoutSessionSchema = /* @__PURE__ */ compiledSchema<'createAddPaymentMethodCheckoutSessionSchema'>(nodes, 86)
export const createProductCheckoutSessionSchema = /* @__PURE__ */ compiledSchema<'createProductCheckoutSessionSchema'>(nodes, 90)
export const createSubscriptionSchema = /* @__PURE__ */ compiledSchema<'createSubscriptionSchema'>(nodes, 92)
export const createUsageEventSchema = /* @__PURE__ */ compiledSchema<'createUsageEventSchema'>(nodes, 36)
export const customerEmailSchema = /* @__PURE__ */ compiledSchema<'customerEmailSchema'>(nodes, 94)
export const customerScopedInputSchema = /* @__PURE__ */ compiledSchema<'customerScopedInputSchema'>(nodes, 95)
export const customerUpdateFieldsSchema = /* @__PURE__ */ compiledSchema<'customerUpdateFieldsSchema'>(nodes, 98)
export const getCustomerDetailsSchema = /* @__PURE__ */ compiledSchema<'getCustomerDetailsSchema'>(nodes, 99)
export const getFeatureAccessItemsSchema = /* @__PURE__ */ compiledSchema<'getFeatureAccessItemsSchema'>(nodes, 100)
export const getInvoicesSchema = /* @__PURE__ */ compiledSchema<'getInvoicesSchema'>(nodes, 105)
export const getPaymentMethodsSchema = /* @__PURE__ */ compiledSchema<'getPaymentMethodsSchema'>(nodes, 99)
export const getPricingModelSchema = /* @__PURE__ */ compiledSchema<'getPricingModelSchema'>(nodes, 99)
export const getPurchasesSchema = /* @__PURE__ */ compiledSchema<'getPurchasesSchema'>(nodes, 105)
export const getResourcesSchema = /* @__PURE__ */ compiledSchema<'getResourcesSchema'>(nodes, 100)
export const getResourceUsageSchema = /* @__PURE__ */ compiledSchema<'getResourceUsageSchema'>(nodes, 109)
export const getSubscriptionsSchema = /* @__PURE__ */ compiledSchema<'getSubscriptionsSchema'>(nodes, 112)
export const getUsageMeterBalancesSchema = /* @__PURE__ */ compiledSchema<'getUsageMeterBalancesSchema'>(nodes, 100)
export const listResourceClaimsSchema = /* @__PURE__ */ compiledSchema<'listResourceClaimsSchema'>(nodes, 113)
export const releaseResourceSchema = /* @__PURE__ */ compiledSchema<'releaseResourceSchema'>(nodes, 117)
export const resourceClaimMetadataSchema = /* @__PURE__ */ compiledSchema<'resourceClaimMetadataSchema'>(nodes, 51)
export const subscriptionAdjustmentTimingSchema = /* @__PURE__ */ compiledSchema<'subscriptionAdjustmentTimingSchema'>(nodes, 11)
export const terseSubscriptionItemSchema = /* @__PURE__ */ compiledSchema<'terseSubscriptionItemSchema'>(nodes, 6)
export const uncancelSubscriptionSchema = /* @__PURE__ */ compiledSchema<'uncancelSubscriptionSchema'>(nodes, 118)
export const updateCustomerInputSchema = /* @__PURE__ */ compiledSchema<'updateCustomerInputSchema'>(nodes, 119)
export const updateCustomerSchema = /* @__PURE__ */ compiledSchema<'updateCustomerSchema'>(nodes, 121)
export const usageAmountSchema = /* @__PURE__ */ compiledSchema<'usageAmountSchema'>(nodes, 27)
export const usageDateSchema = /* @__PURE__ */ compiledSchema<'usageDateSchema'>(nodes, 33)
export const usageMeterBalancesInputSchema = /* @__PURE__ */ compiledSchema<'usageMeterBalancesInputSchema'>(nodes, 122)
export const usagePropertiesSchema = /* @__PURE__ */ compiledSchema<'usagePropertiesSchema'>(nodes, 30)

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
