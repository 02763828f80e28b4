'use client'
import {
  type FeatureAccessItem,
  featureAccessItems,
  type GetFeatureAccessItemsParams,
  type GetFeatureAccessItemsResponse,
} from '@flowglad/shared/browser'
import { FEATURES_QUERY_KEY } from './query-keys.js'
import { type QueryStatus, useActionQuery } from './use-action-query.js'

export interface UseFeaturesResult extends QueryStatus {
  /** The customer's toggle features; `undefined` until loaded. */
  features: FeatureAccessItem[] | undefined
}

export interface UseFeatureResult extends QueryStatus {
  /** The feature with this slug, `null` until loaded or when the customer lacks it. */
  feature: FeatureAccessItem | null
  hasAccess: boolean
}

/** `features/access`, loaded on mount; refreshed after subscription changes. */
export function useFeatures(params?: GetFeatureAccessItemsParams): UseFeaturesResult {
  const { data, isLoading, error } = useActionQuery<GetFeatureAccessItemsResponse>(
    { tag: FEATURES_QUERY_KEY, action: 'features/access', input: params ?? {} },
    (mocks) => ({
      features: featureAccessItems(mocks.currentSubscriptions, params?.subscriptionId),
    }),
  )
  return { features: data?.features, isLoading, error }
}

/** One feature by slug, from the same (shared) query as `useFeatures`. */
export function useFeature(
  featureSlug: string,
  params?: GetFeatureAccessItemsParams,
): UseFeatureResult {
  const { features, isLoading, error } = useFeatures(params)
  const feature = features?.find((candidate) => candidate.slug === featureSlug) ?? null
  return { feature, hasAccess: feature !== null, isLoading, error }
}
