/**
 * One pricing model in the emulator's internal form: what either shape of a pricing file
 * normalises to, what `applyPricingModel` writes and what `exportPricingModel` reads back.
 * Every default is filled in; slugs are checked to resolve.
 */
import type { AggregationType, IntervalUnit } from '../store/types.js'

export interface PricingModelSpec {
  name: string
  isDefault: boolean
  usageMeters: UsageMeterSpec[]
  resources: ResourceSpec[]
  features: FeatureSpec[]
  products: ProductSpec[]
}

export interface UsageMeterSpec {
  slug: string
  name: string
  aggregationType: AggregationType
  /** Declared prices, in order; the implicit `<slug>_no_charge` price is not listed here. */
  prices: UsagePriceSpec[]
}

export interface UsagePriceSpec {
  slug: string | null
  name: string | null
  unitPrice: number
  usageEventsPerUnit: number
  intervalUnit: IntervalUnit
  intervalCount: number
  isDefault: boolean
  active: boolean
  currency: string
  /** Older shape: the product this price was declared on (it keeps its name and labels). */
  productSlug: string | null
}

/** Plain data for H17a's resource rows (see `insertResources`). */
export interface ResourceSpec {
  slug: string
  name: string
  active: boolean
}

interface FeatureCommon {
  slug: string
  name: string
  description: string
  active: boolean
}

export type FeatureSpec =
  | (FeatureCommon & { type: 'toggle' })
  | (FeatureCommon & {
      type: 'usage_credit_grant'
      amount: number
      renewalFrequency: 'once' | 'every_billing_period'
      usageMeterSlug: string
    })
  | (FeatureCommon & { type: 'resource'; amount: number; resourceSlug: string })

export interface ProductFields {
  name: string
  slug: string
  description: string | null
  imageURL: string | null
  active: boolean
  default: boolean
  singularQuantityLabel: string | null
  pluralQuantityLabel: string | null
}

interface ProductPriceCommon {
  slug: string | null
  name: string | null
  unitPrice: number
  isDefault: boolean
  active: boolean
  currency: string
}

export type ProductPriceSpec =
  | (ProductPriceCommon & {
      type: 'subscription'
      intervalUnit: IntervalUnit
      intervalCount: number
      trialPeriodDays: number | null
    })
  | (ProductPriceCommon & { type: 'single_payment' })

export interface ProductSpec {
  product: ProductFields
  /** null for an older-shape product that wraps a usage price (that price is on its meter). */
  price: ProductPriceSpec | null
  features: string[]
}

/** Slug of the no-charge price every meter gets (the hosted API creates one per meter). */
export const noChargeSlug = (meterSlug: string) => `${meterSlug}_no_charge`
