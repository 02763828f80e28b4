// Mechanical audit against the published upstream 0.18.0 declarations: for every exported type
// both sides have, each key upstream requires is required in ours too (ours may be more
// precise, never more optional). A regression fails `tsc` naming the key.

import type * as OursNext from '@flowglad/nextjs/server'
import type * as OursReact from '@flowglad/react'
import type * as OursServer from '@flowglad/server'
import type * as OursShared from '@flowglad/shared'
import type * as UpNext from 'upstream-nextjs/server'
import type * as UpReact from 'upstream-react'
import type * as UpServer from 'upstream-server'
import type * as UpShared from 'upstream-shared'
import type { LooserThanUpstream as Looser, None, ParamsOf } from './required-keys.js'

/** Element types both billing responses nest (compared too, not only the named types). */
type Item<T> = T extends readonly (infer E)[] ? E : never
type UpBilling = UpShared.CustomerBillingDetails
type OurBilling = OursShared.CustomerBillingDetails
type NotAlwaysSent = 'expiredAt' | 'detachedAt' | 'detachedReason'

export type SharedChecks = [
  None<Looser<UpShared.Customer, OursShared.Customer>>,
  None<Looser<UpShared.CustomerBillingDetails, OursShared.CustomerBillingDetails>>,
  None<Looser<UpShared.BillingWithChecks, OursShared.BillingWithChecks>>,
  None<Looser<UpShared.Subscription, OursShared.Subscription>>,
  None<Looser<UpShared.SubscriptionDetails, OursShared.SubscriptionDetails>>,
  // Ours names the plain record `SubscriptionItem` (also what createSubscription returns); the
  // billing item, with its `price`, is compared on the next line.
  None<Looser<UpShared.SubscriptionItem, OursShared.SubscriptionItem, 'price'>>,
  None<
    Looser<UpShared.SubscriptionItem, Item<OursShared.SubscriptionDetails['subscriptionItems']>>
  >,
  None<Looser<Item<UpBilling['invoices']>, Item<OurBilling['invoices']>>>,
  None<Looser<Item<UpBilling['purchases']>, Item<OurBilling['purchases']>>>,
  None<Looser<Item<UpBilling['paymentMethods']>, Item<OurBilling['paymentMethods']>>>,
  None<
    Looser<
      Item<UpBilling['pricingModel']['products']>,
      Item<OurBilling['pricingModel']['products']>
    >
  >,
  None<
    Looser<
      Item<UpBilling['pricingModel']['usageMeters']>,
      Item<OurBilling['pricingModel']['usageMeters']>
    >
  >,
  None<
    Looser<
      Item<Item<UpBilling['pricingModel']['products']>['features']>,
      Item<Item<OurBilling['pricingModel']['products']>['features']>
    >
  >,
  None<
    Looser<
      Item<Item<UpBilling['pricingModel']['products']>['prices']>,
      Item<Item<OurBilling['pricingModel']['products']>['prices']>
    >
  >,
  None<Looser<UpShared.SubscriptionExperimentalFields, OursShared.SubscriptionExperimentalFields>>,
  None<Looser<UpShared.UsageMeterBalance, OursShared.UsageMeterBalance>>,
  // Upstream's claim type (from @flowglad/node 0.29) requires a `subscriptionItemFeatureId` the
  // OpenAPI document's `ResourceClaimClientSelectSchema` does not have; ours follows the document.
  None<Looser<UpShared.ResourceClaim, OursShared.ResourceClaim, 'subscriptionItemFeatureId'>>,
  None<Looser<UpShared.ResourceUsage, OursShared.ResourceUsage>>,
  // Upstream's hand-written FeatureItem describes a credit grant; ours is a union on `type`.
  // The three dates are optional in the OpenAPI document (the API may leave them out).
  None<Looser<UpShared.FeatureItem, OursShared.UsageCreditGrantFeatureItem, NotAlwaysSent>>,
  None<Looser<UpShared.Price, OursShared.Price>>,
  None<Looser<UpShared.Product, OursShared.Product>>,
  None<Looser<UpShared.PricingModel, OursShared.PricingModel>>,
  None<Looser<UpShared.Catalog, OursShared.Catalog>>,
  None<Looser<UpShared.UsageMeter, OursShared.UsageMeter>>,
  None<Looser<UpShared.UsageEvent, OursShared.UsageEvent>>,
  None<Looser<UpShared.PaymentMethod, OursShared.PaymentMethod>>,
  None<Looser<UpShared.Invoice, OursShared.Invoice>>,
  None<Looser<UpShared.PurchaseInvoice, OursShared.PurchaseInvoice>>,
  None<Looser<UpShared.SubscriptionInvoice, OursShared.SubscriptionInvoice>>,
  None<Looser<UpShared.StandaloneInvoice, OursShared.StandaloneInvoice>>,
  None<Looser<UpShared.InvoiceLineItem, OursShared.InvoiceLineItem>>,
  None<
    Looser<
      UpShared.CreateProductCheckoutSessionParams,
      OursShared.CreateProductCheckoutSessionParams
    >
  >,
  None<
    Looser<
      UpShared.CreateAddPaymentMethodCheckoutSessionParams,
      OursShared.CreateAddPaymentMethodCheckoutSessionParams
    >
  >,
  None<
    Looser<
      UpShared.CreateActivateSubscriptionCheckoutSessionParams,
      OursShared.CreateActivateSubscriptionCheckoutSessionParams
    >
  >,
  None<Looser<UpShared.CancelSubscriptionParams, OursShared.CancelSubscriptionParams>>,
  None<Looser<UpShared.UncancelSubscriptionParams, OursShared.UncancelSubscriptionParams>>,
  None<Looser<UpShared.CreateSubscriptionParams, OursShared.CreateSubscriptionParams>>,
  None<Looser<UpShared.CreateUsageEventParams, OursShared.CreateUsageEventParams>>,
  None<Looser<UpShared.ClientCreateUsageEventParams, OursShared.ClientCreateUsageEventParams>>,
  None<Looser<UpShared.BulkCreateUsageEventsParams, OursShared.BulkCreateUsageEventsParams>>,
]

type UpFS = UpServer.FlowgladServer
type FS = OursServer.FlowgladServer
export type ServerChecks = [
  None<
    Looser<
      ConstructorParameters<typeof UpServer.FlowgladServer>[0],
      ConstructorParameters<typeof OursServer.FlowgladServer>[0]
    >
  >,
  // Input: ours fills the customer from getCustomerDetails when `customer` is left out.
  None<Looser<ParamsOf<UpFS, 'createCustomer'>, ParamsOf<FS, 'createCustomer'>, 'customer'>>,
  None<Looser<ParamsOf<UpFS, 'updateCustomer'>, ParamsOf<FS, 'updateCustomer'>>>,
  None<Looser<ParamsOf<UpFS, 'createCheckoutSession'>, ParamsOf<FS, 'createCheckoutSession'>>>,
  None<
    Looser<
      ParamsOf<UpFS, 'createAddPaymentMethodCheckoutSession'>,
      ParamsOf<FS, 'createAddPaymentMethodCheckoutSession'>
    >
  >,
  None<
    Looser<
      ParamsOf<UpFS, 'createActivateSubscriptionCheckoutSession'>,
      ParamsOf<FS, 'createActivateSubscriptionCheckoutSession'>
    >
  >,
  None<Looser<ParamsOf<UpFS, 'cancelSubscription'>, ParamsOf<FS, 'cancelSubscription'>>>,
  None<Looser<ParamsOf<UpFS, 'uncancelSubscription'>, ParamsOf<FS, 'uncancelSubscription'>>>,
  None<Looser<ParamsOf<UpFS, 'createSubscription'>, ParamsOf<FS, 'createSubscription'>>>,
  None<Looser<ParamsOf<UpFS, 'createUsageEvent'>, ParamsOf<FS, 'createUsageEvent'>>>,
  None<Looser<ParamsOf<UpFS, 'bulkCreateUsageEvents'>, ParamsOf<FS, 'bulkCreateUsageEvents'>>>,
  None<Looser<ParamsOf<UpFS, 'getUsageMeterBalances'>, ParamsOf<FS, 'getUsageMeterBalances'>>>,
  None<Looser<UpServer.RequestHandlerInput, OursServer.RequestHandlerInput>>,
  None<Looser<UpServer.RequestHandlerOutput, OursServer.RequestHandlerOutput>>,
  None<Looser<UpServer.RequestHandlerOptions<Request>, OursServer.RequestHandlerOptions<Request>>>,
  None<Looser<UpNext.NextRouteHandlerOptions, OursNext.NextRouteHandlerOptions>>,
  None<Looser<UpNext.PagesRouteHandlerOptions, OursNext.PagesRouteHandlerOptions>>,
]

/** Missing surface, not optionality: `adjustSubscription` comes with issue 16. */
type NotYetProvided = 'adjustSubscription'

export type ReactChecks = [
  None<
    Looser<
      UpReact.LoadedFlowgladContextValues,
      OursReact.LoadedFlowgladContextValues,
      NotYetProvided
    >
  >,
  None<
    Looser<
      UpReact.NotLoadedFlowgladContextValues,
      OursReact.NotLoadedFlowgladContextValues,
      NotYetProvided
    >
  >,
  None<
    Looser<UpReact.ErrorFlowgladContextValues, OursReact.ErrorFlowgladContextValues, NotYetProvided>
  >,
  None<Looser<UpReact.FlowgladContextValues, OursReact.FlowgladContextValues, NotYetProvided>>,
  // Input prop: an optional `children` accepts every upstream call.
  None<
    Looser<
      Parameters<typeof UpReact.FlowgladProvider>[0],
      Parameters<typeof OursReact.FlowgladProvider>[0],
      'children'
    >
  >,
]

// Literal unions: every value upstream's type admits is one of ours, so an app comparing against
// it (`status === 'paused'`) still compiles.
export type LiteralChecks = [
  None<Exclude<UpShared.SubscriptionStatus, OursShared.SubscriptionStatus>>,
  None<Exclude<UpShared.InvoiceStatus, OursShared.InvoiceStatus>>,
  None<Exclude<UpShared.PaymentMethodType, OursShared.PaymentMethodType>>,
  None<Exclude<UpShared.CheckoutSessionType, OursShared.CheckoutSessionType>>,
  None<Exclude<UpShared.CurrencyCode, OursShared.CurrencyCode>>,
  None<Exclude<`${UpShared.FlowgladActionKey}`, `${OursShared.FlowgladActionKey}`>>,
  None<Exclude<`${UpShared.HTTPMethod}`, `${OursShared.HTTPMethod}`>>,
]
