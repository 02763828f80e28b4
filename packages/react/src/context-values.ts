import {
  type BillingWithChecks,
  type SubscriptionDetails,
  withBillingChecks,
} from '@flowglad/shared/browser'
import type { BillingActions } from './billing-actions.js'
import type { BillingState } from './billing-client.js'
import { errorResult } from './results.js'

type Checks = Pick<
  BillingWithChecks,
  'checkFeatureAccess' | 'checkUsageBalance' | 'getProduct' | 'getPrice' | 'hasPurchased'
>

/** The data fields before billing is loaded (or when it is not): nulls and empty arrays. */
export interface NullBillingData extends Checks {
  customer: null
  subscriptions: []
  currentSubscription: null
  currentSubscriptions: []
  catalog: null
  pricingModel: null
  invoices: []
  paymentMethods: []
  purchases: []
  billingPortalUrl: null
}

export type LoadedFlowgladContextValues = Omit<
  BillingWithChecks,
  'currentSubscription' | 'currentSubscriptions'
> &
  BillingActions & {
    loaded: true
    loadBilling: true
    errors: null
    currentSubscription: SubscriptionDetails | null
    currentSubscriptions: SubscriptionDetails[]
  }

/**
 * Outside a provider (`loadBilling: false`), or pending (`loadBilling: true`): billing was asked
 * for (or will be, by this consumer's mount) and has not answered yet; also during SSR.
 */
export type NotLoadedFlowgladContextValues = NullBillingData &
  BillingActions & { loaded: false; loadBilling: boolean; errors: null }

/** `loadBilling={false}` and never `true` on this provider: actions work, no billing data. */
export type BillingDisabledFlowgladContextValues = NullBillingData &
  BillingActions & { loaded: true; loadBilling: false; errors: null }

/** Upstream's name for the loaded-without-data state; ours is the billing-disabled state. */
export type NotAuthenticatedFlowgladContextValues = BillingDisabledFlowgladContextValues

export type ErrorFlowgladContextValues = NullBillingData &
  BillingActions & { loaded: true; loadBilling: true; errors: Error[] }

export type FlowgladContextValues =
  | LoadedFlowgladContextValues
  | NotLoadedFlowgladContextValues
  | BillingDisabledFlowgladContextValues
  | ErrorFlowgladContextValues

const nullBillingData: NullBillingData = {
  customer: null,
  subscriptions: [],
  currentSubscription: null,
  currentSubscriptions: [],
  catalog: null,
  pricingModel: null,
  invoices: [],
  paymentMethods: [],
  purchases: [],
  billingPortalUrl: null,
  checkFeatureAccess: () => false,
  checkUsageBalance: () => null,
  getProduct: () => null,
  getPrice: () => null,
  hasPurchased: () => false,
}

const missingProvider = async () =>
  errorResult('provider_missing', 'useBilling() must be used inside a <FlowgladProvider>')

export const outsideProviderValues: NotLoadedFlowgladContextValues = {
  ...nullBillingData,
  loaded: false,
  loadBilling: false,
  errors: null,
  reload: async () => {},
  createCheckoutSession: missingProvider,
  createAddPaymentMethodCheckoutSession: missingProvider,
  createActivateSubscriptionCheckoutSession: missingProvider,
  cancelSubscription: missingProvider,
  uncancelSubscription: missingProvider,
  adjustSubscription: missingProvider,
  createUsageEvent: missingProvider,
}

/**
 * `loadBilling={false}` and nothing asked for billing yet. It only decides an idle store: once
 * billing was asked for, the store is never idle again, so a render that still carries an older
 * `false` (React may render one while a newer `true` waits) shows the store's state.
 */
export const billingDisabled = (state: BillingState, loadBilling: boolean | undefined) =>
  loadBilling === false && state.status === 'idle'

/**
 * Maps the store state to what `useBilling()` returns, mirroring the upstream states.
 * `loadBilling` is the provider's prop (`undefined`: load on the first `useBilling` mount).
 */
export function toContextValues(
  state: BillingState,
  loadBilling: boolean | undefined,
  actions: BillingActions,
): FlowgladContextValues {
  if (billingDisabled(state, loadBilling)) {
    return { ...nullBillingData, ...actions, loaded: true, loadBilling: false, errors: null }
  }
  if (state.status === 'error') {
    return {
      ...nullBillingData,
      ...actions,
      loaded: true,
      loadBilling: true,
      errors: [state.error],
    }
  }
  if (state.status === 'loaded') {
    const { billing } = state
    return {
      ...withBillingChecks(billing),
      currentSubscription: billing.currentSubscription ?? null,
      currentSubscriptions: billing.currentSubscriptions ?? [],
      ...actions,
      loaded: true,
      loadBilling: true,
      errors: null,
    }
  }
  return { ...nullBillingData, ...actions, loaded: false, loadBilling: true, errors: null }
}
