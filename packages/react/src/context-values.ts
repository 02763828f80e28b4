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

/** Outside a provider (`loadBilling: false`) or while the first billing request runs. */
export type NotLoadedFlowgladContextValues = NullBillingData &
  BillingActions & { loaded: false; loadBilling: boolean; errors: null }

/** The provider was told `loadBilling={false}`: actions work, no billing data. */
export type BillingDisabledFlowgladContextValues = NullBillingData &
  BillingActions & { loaded: true; loadBilling: false; errors: null }

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
  createUsageEvent: missingProvider,
}

/** Maps the store state to what `useBilling()` returns, mirroring the upstream states. */
export function toContextValues(
  state: BillingState,
  loadBilling: boolean,
  actions: BillingActions,
): FlowgladContextValues {
  if (!loadBilling) {
    return { ...nullBillingData, ...actions, loaded: true, loadBilling: false, errors: null }
  }
  if (state.status === 'error') {
    return { ...nullBillingData, ...actions, loaded: true, loadBilling, errors: [state.error] }
  }
  if (state.status === 'loaded') {
    const { billing } = state
    return {
      ...withBillingChecks(billing),
      currentSubscription: billing.currentSubscription ?? null,
      currentSubscriptions: billing.currentSubscriptions ?? [],
      ...actions,
      loaded: true,
      loadBilling,
      errors: null,
    }
  }
  return { ...nullBillingData, ...actions, loaded: false, loadBilling, errors: null }
}
