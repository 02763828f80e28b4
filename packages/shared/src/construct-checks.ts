import {
  checkFeatureAccess,
  checkUsageBalance,
  getPrice,
  getProduct,
  hasPurchased,
} from './billing-checks.js'
import type { PricingModel, Purchase, SubscriptionDetails } from './types.js'

// Upstream's curried names for the billing checks: bind the data once, ask many times.

type Subscriptions = readonly SubscriptionDetails[] | undefined
type Choice = { subscriptionId?: string }

export const constructCheckFeatureAccess =
  (subscriptions: Subscriptions) => (featureSlug: string, options?: Choice) =>
    checkFeatureAccess(subscriptions, featureSlug, options)

export const constructCheckUsageBalance =
  (subscriptions: Subscriptions) => (usageMeterSlug: string, options?: Choice) =>
    checkUsageBalance(subscriptions, usageMeterSlug, options)

export const constructGetProduct =
  (pricingModel: PricingModel | undefined) => (productSlug: string) =>
    getProduct(pricingModel, productSlug)

export const constructGetPrice = (pricingModel: PricingModel | undefined) => (priceSlug: string) =>
  getPrice(pricingModel, priceSlug)

export const constructHasPurchased =
  (pricingModel: PricingModel | undefined, purchases: readonly Purchase[] | undefined) =>
  (productSlug: string) =>
    hasPurchased(pricingModel, purchases, productSlug)
