import { newId } from '../ids.js'
import { forEachByIndex, pushIndex, rowsByIndex, type State } from '../store/state.js'
import type {
  PriceRow,
  SubscriptionItemFeatureRow,
  SubscriptionItemRow,
  SubscriptionRow,
} from '../store/types.js'
import { productFeatures } from './catalog.js'
import { grantCredit, ledgerAccount } from './ledger.js'

export function subscriptionItems(state: State, subscriptionId: string): SubscriptionItemRow[] {
  return rowsByIndex(
    state.tables.subscriptionItems,
    state.indexes.itemsBySubscription,
    subscriptionId,
  )
}

export function itemFeatures(state: State, itemId: string): SubscriptionItemFeatureRow[] {
  return rowsByIndex(state.tables.subscriptionItemFeatures, state.indexes.featuresByItem, itemId)
}

/**
 * Whether an item is in force at `at`: added by then and not yet expired. Items of a scheduled
 * adjustment are stored ahead of time with a future `addedDate`.
 */
export function isItemActive(item: SubscriptionItemRow, at: number): boolean {
  return item.addedDate <= at && (item.expiredAt === null || item.expiredAt > at)
}

/** The items in force at `at`. */
export function activeItems(state: State, sub: SubscriptionRow, at: number): SubscriptionItemRow[] {
  return subscriptionItems(state, sub.id).filter((item) => isItemActive(item, at))
}

/**
 * Adds an item for `price` (in force from `addedDate`) with a feature item for each feature of
 * the price's product.
 */
export function addSubscriptionItem(
  state: State,
  sub: SubscriptionRow,
  price: PriceRow,
  quantity: number,
  addedDate: number,
  now: number,
): SubscriptionItemRow {
  const item: SubscriptionItemRow = {
    id: newId('si'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    subscriptionId: sub.id,
    name: price.name,
    addedDate,
    priceId: price.id,
    unitPrice: price.unitPrice,
    quantity,
    metadata: null,
    type: 'static',
    externalId: null,
    expiredAt: null,
    manuallyCreated: false,
    pricingModelId: sub.pricingModelId,
  }
  state.tables.subscriptionItems.set(item.id, item)
  pushIndex(state.indexes.itemsBySubscription, sub.id, item.id)
  for (const feature of price.productId ? productFeatures(state, price.productId) : []) {
    const row: SubscriptionItemFeatureRow = {
      id: newId('sub_feature'),
      createdAt: now,
      updatedAt: now,
      livemode: state.livemode,
      subscriptionItemId: item.id,
      featureId: feature.id,
      productFeatureId: null,
      type: feature.type,
      amount: feature.amount,
      usageMeterId: feature.usageMeterId,
      renewalFrequency: feature.renewalFrequency,
      expiredAt: null,
      detachedAt: null,
      detachedReason: null,
      manuallyCreated: false,
      pricingModelId: sub.pricingModelId,
      name: feature.name,
      slug: feature.slug,
      ...(feature.type === 'resource' ? { resourceId: feature.resourceId } : {}),
    }
    state.tables.subscriptionItemFeatures.set(row.id, row)
    pushIndex(state.indexes.featuresByItem, item.id, row.id)
  }
  return item
}

/**
 * Sets (or, with `null`, clears) the expiry of an item and of its feature items. Clearing only
 * touches feature items that expired at the same instant as the item.
 */
export function setItemExpiry(
  state: State,
  item: SubscriptionItemRow,
  expiredAt: number | null,
  now: number,
): void {
  const previous = item.expiredAt
  item.expiredAt = expiredAt
  item.updatedAt = now
  for (const feature of itemFeatures(state, item.id)) {
    if (expiredAt === null ? feature.expiredAt !== previous : feature.expiredAt !== null) continue
    feature.expiredAt = expiredAt
    feature.updatedAt = now
  }
}

/**
 * Issues the usage-credit grants of one item for a period starting (for it) at `at`:
 * `every_billing_period` grants always, `once` grants only on the subscription's first period
 * or when the item itself starts at `at` (an adjustment).
 */
export function issueItemGrants(
  state: State,
  sub: SubscriptionRow,
  item: SubscriptionItemRow,
  periodId: string,
  first: boolean,
  at: number,
): void {
  if (!isItemActive(item, at)) return
  const { featuresByItem } = state.indexes
  forEachByIndex(state.tables.subscriptionItemFeatures, featuresByItem, item.id, (feature) => {
    if (feature.type !== 'usage_credit_grant' || !feature.usageMeterId) return
    if (feature.expiredAt !== null && feature.expiredAt <= at) return
    const everyPeriod = feature.renewalFrequency === 'every_billing_period'
    if (!everyPeriod && !first && item.addedDate !== at) return
    const account = ledgerAccount(state, sub, feature.usageMeterId, at)
    grantCredit(state, account, (feature.amount ?? 0) * item.quantity, periodId, everyPeriod, at)
  })
}
