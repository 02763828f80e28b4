import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type {
  BillingAddress,
  Customer,
  PaymentMethod,
  PurchaseInvoice,
  ResourceFeatureItem,
  StandaloneInvoice,
  StaticInvoiceLineItem,
  Subscription,
  SubscriptionInvoice,
  SubscriptionItem,
  ToggleFeatureItem,
  UsageCreditGrantFeatureItem,
  UsageEvent,
  UsageInvoiceLineItem,
  UsageMeterBalance,
  UsageMeterRecord,
} from './types.js'

// The billing types are written by hand from the OpenAPI document; this test keeps them honest.
// Each key map is checked by the compiler against the type (every key, and whether it is
// optional) and then at run time against the document's component schemas.

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T]
type KeyMap<T> = { [K in keyof T]-?: K extends OptionalKeys<T> ? 'optional' : 'required' }

interface JsonSchema {
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  required?: string[]
}

/** The copy vendored in the repository: `<repoRoot>/spec/flowglad-openapi.json`. */
const documentUrl = new URL('../../../spec/flowglad-openapi.json', import.meta.url)
const document = JSON.parse(readFileSync(documentUrl, 'utf8')) as {
  components: { schemas: Record<string, JsonSchema> }
}
const components = document.components.schemas

function component(name: string): JsonSchema {
  const schema = components[name]
  if (!schema?.properties) throw new Error(`OpenAPI component ${name} has no properties`)
  return schema
}

/** Keys any variant may carry, and the keys every variant requires. */
function wireShape(variants: JsonSchema[]) {
  const keys = new Set(variants.flatMap((variant) => Object.keys(variant.properties ?? {})))
  const required = [...keys].filter((key) =>
    variants.every((variant) => variant.required?.includes(key)),
  )
  return { keys: [...keys].sort(), required: required.sort() }
}

function ourShape(map: Record<string, 'required' | 'optional'>) {
  const keys = Object.keys(map).sort()
  return { keys, required: keys.filter((key) => map[key] === 'required') }
}

const stamps = { createdAt: 'required', updatedAt: 'required', livemode: 'required' } as const

const customer: KeyMap<Customer> = {
  ...stamps,
  id: 'required',
  organizationId: 'required',
  pricingModelId: 'required',
  email: 'required',
  name: 'required',
  externalId: 'required',
  archived: 'required',
  invoiceNumberBase: 'required',
  logoURL: 'required',
  iconURL: 'required',
  domain: 'required',
  userId: 'required',
  billingAddress: 'optional',
}

const billingAddress: KeyMap<BillingAddress> = {
  name: 'optional',
  firstName: 'optional',
  lastName: 'optional',
  email: 'optional',
  phone: 'optional',
  address: 'required',
}

const subscription: KeyMap<Subscription> = {
  ...stamps,
  id: 'required',
  customerId: 'required',
  organizationId: 'required',
  pricingModelId: 'required',
  priceId: 'required',
  status: 'required',
  startDate: 'required',
  name: 'required',
  current: 'required',
  renews: 'required',
  isFreePlan: 'required',
  doNotCharge: 'required',
  cancellationReason: 'required',
  canceledAt: 'optional',
  cancelScheduledAt: 'optional',
  replacedBySubscriptionId: 'required',
  defaultPaymentMethodId: 'required',
  backupPaymentMethodId: 'required',
  runBillingAtPeriodStart: 'required',
  interval: 'required',
  intervalCount: 'required',
  currentBillingPeriodStart: 'optional',
  currentBillingPeriodEnd: 'optional',
  billingCycleAnchorDate: 'optional',
  trialEnd: 'optional',
  scheduledAdjustmentAt: 'optional',
  metadata: 'optional',
}

const subscriptionItem: KeyMap<SubscriptionItem> = {
  ...stamps,
  id: 'required',
  type: 'required',
  subscriptionId: 'required',
  priceId: 'required',
  name: 'required',
  unitPrice: 'required',
  quantity: 'required',
  addedDate: 'required',
  expiredAt: 'optional',
  externalId: 'required',
  manuallyCreated: 'required',
  pricingModelId: 'required',
  metadata: 'optional',
}

const featureItemFields = {
  ...stamps,
  id: 'required',
  subscriptionItemId: 'required',
  featureId: 'required',
  productFeatureId: 'optional',
  type: 'required',
  name: 'required',
  slug: 'required',
  expiredAt: 'optional',
  detachedAt: 'optional',
  detachedReason: 'optional',
  manuallyCreated: 'required',
  pricingModelId: 'required',
} as const

const toggleFeatureItem: KeyMap<ToggleFeatureItem> = {
  ...featureItemFields,
  amount: 'optional',
  usageMeterId: 'optional',
  renewalFrequency: 'optional',
  resourceId: 'optional',
}

const usageCreditGrantFeatureItem: KeyMap<UsageCreditGrantFeatureItem> = {
  ...featureItemFields,
  amount: 'required',
  usageMeterId: 'required',
  renewalFrequency: 'required',
  resourceId: 'optional',
}

const resourceFeatureItem: KeyMap<ResourceFeatureItem> = {
  ...featureItemFields,
  amount: 'required',
  usageMeterId: 'optional',
  renewalFrequency: 'optional',
  resourceId: 'required',
}

const usageEvent: KeyMap<UsageEvent> = {
  ...stamps,
  id: 'required',
  customerId: 'required',
  subscriptionId: 'required',
  usageMeterId: 'required',
  priceId: 'required',
  billingPeriodId: 'optional',
  amount: 'required',
  usageDate: 'required',
  transactionId: 'required',
  properties: 'optional',
  pricingModelId: 'required',
}

const usageMeter: KeyMap<UsageMeterRecord> = {
  ...stamps,
  id: 'required',
  organizationId: 'required',
  pricingModelId: 'required',
  name: 'required',
  slug: 'required',
  aggregationType: 'required',
}

const usageMeterBalance: KeyMap<UsageMeterBalance> = {
  createdAt: 'optional',
  updatedAt: 'optional',
  livemode: 'required',
  organizationId: 'optional',
  pricingModelId: 'optional',
  aggregationType: 'optional',
  id: 'required',
  name: 'required',
  slug: 'required',
  availableBalance: 'required',
  subscriptionId: 'required',
}

const paymentMethod: KeyMap<PaymentMethod> = {
  ...stamps,
  id: 'required',
  customerId: 'required',
  pricingModelId: 'required',
  type: 'required',
  default: 'required',
  billingDetails: 'required',
  paymentMethodData: 'required',
  metadata: 'optional',
}

const invoiceFields = {
  ...stamps,
  id: 'required',
  invoiceNumber: 'required',
  invoiceDate: 'required',
  dueDate: 'optional',
  customerId: 'required',
  organizationId: 'required',
  status: 'required',
  billingRunId: 'required',
  ownerMembershipId: 'required',
  pdfURL: 'optional',
  receiptPdfURL: 'optional',
  memo: 'required',
  bankPaymentOnly: 'required',
  currency: 'required',
  taxAmount: 'required',
  subtotal: 'required',
  taxType: 'optional',
  taxCountry: 'optional',
  taxState: 'required',
  taxRatePercentage: 'required',
  applicationFee: 'required',
  pricingModelId: 'required',
  type: 'required',
  purchaseId: 'required',
} as const

const purchaseInvoice: KeyMap<PurchaseInvoice> = {
  ...invoiceFields,
  subscriptionId: 'optional',
  billingPeriodId: 'optional',
  billingPeriodStartDate: 'optional',
  billingPeriodEndDate: 'optional',
}

const subscriptionInvoice: KeyMap<SubscriptionInvoice> = {
  ...invoiceFields,
  subscriptionId: 'required',
  billingPeriodId: 'required',
  billingPeriodStartDate: 'optional',
  billingPeriodEndDate: 'optional',
}

const standaloneInvoice: KeyMap<StandaloneInvoice> = {
  ...invoiceFields,
  subscriptionId: 'required',
  billingPeriodId: 'required',
  billingPeriodStartDate: 'optional',
  billingPeriodEndDate: 'optional',
  stripePaymentIntentId: 'required',
  stripeTaxCalculationId: 'required',
  stripeTaxTransactionId: 'required',
}

const lineItemFields = {
  ...stamps,
  id: 'required',
  invoiceId: 'required',
  priceId: 'required',
  description: 'required',
  quantity: 'required',
  price: 'required',
  pricingModelId: 'required',
  type: 'required',
} as const

const staticLineItem: KeyMap<StaticInvoiceLineItem> = {
  ...lineItemFields,
  ledgerAccountId: 'optional',
  ledgerAccountCredit: 'optional',
}

const usageLineItem: KeyMap<UsageInvoiceLineItem> = {
  ...lineItemFields,
  billingRunId: 'required',
  ledgerAccountId: 'required',
  ledgerAccountCredit: 'required',
}

const experimental = component('StandardSubscriptionDetails').properties?.experimental
const balanceItem = experimental?.properties?.usageMeterBalances?.items ?? {}

/**
 * [our type, its key map, the OpenAPI variants it stands for, keys the wire always sends that
 * our type leaves optional (the SDK never reads them, and upstream's own type omits them)].
 */
const cases: [string, Record<string, 'required' | 'optional'>, JsonSchema[], string[]][] = [
  ['Customer', customer, [component('CustomerClientSelectSchema')], []],
  ['BillingAddress', billingAddress, [component('BillingAddress')], []],
  [
    'Subscription',
    subscription,
    [component('StandardSubscriptionRecord'), component('NonRenewingSubscriptionRecord')],
    [],
  ],
  [
    'SubscriptionItem',
    subscriptionItem,
    [component('StaticSubscriptionItemClientSelectSchema')],
    [],
  ],
  ['ToggleFeatureItem', toggleFeatureItem, [component('ToggleSubscriptionItemFeatureRecord')], []],
  [
    'UsageCreditGrantFeatureItem',
    usageCreditGrantFeatureItem,
    [component('UsageCreditGrantSubscriptionItemFeatureRecord')],
    [],
  ],
  [
    'ResourceFeatureItem',
    resourceFeatureItem,
    [component('ResourceSubscriptionItemFeatureRecord')],
    [],
  ],
  ['UsageEvent', usageEvent, [component('UsageEventClientSelectSchema')], []],
  ['UsageMeterRecord', usageMeter, [component('UsageMeterClientSelectSchema')], []],
  [
    'UsageMeterBalance',
    usageMeterBalance,
    [balanceItem],
    ['createdAt', 'updatedAt', 'organizationId', 'pricingModelId', 'aggregationType'],
  ],
  ['PaymentMethod', paymentMethod, [component('PaymentMethodClientSelectSchema')], []],
  ['PurchaseInvoice', purchaseInvoice, [component('PurchaseInvoiceClientSelectSchema')], []],
  [
    'SubscriptionInvoice',
    subscriptionInvoice,
    [component('SubscriptionInvoiceClientSelectSchema')],
    [],
  ],
  ['StandaloneInvoice', standaloneInvoice, [component('StandaloneInvoiceClientSelectSchema')], []],
  [
    'StaticInvoiceLineItem',
    staticLineItem,
    [component('StaticInvoiceLineItemClientSelectSchema')],
    [],
  ],
  [
    'UsageInvoiceLineItem',
    usageLineItem,
    [component('UsageInvoiceLineItemClientSelectSchema')],
    [],
  ],
]

describe('billing types match the OpenAPI document', () => {
  it.each(
    cases,
  )('%s has the same keys, and requires what the API always sends', (_name, map, variants, looser) => {
    const wire = wireShape(variants)
    const ours = ourShape(map)
    expect(wire.keys.length).toBeGreaterThan(0)
    expect(ours.keys).toEqual(wire.keys)
    // Never require a key the API may leave out.
    expect(ours.required.filter((key) => !wire.required.includes(key))).toEqual([])
    // Every key the API always sends is required, except the listed ones.
    expect(wire.required.filter((key) => !ours.required.includes(key))).toEqual(looser.sort())
  })
})
