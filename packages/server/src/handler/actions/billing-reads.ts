import {
  customerDetailsView,
  featureAccessView,
  invoicesView,
  paymentMethodsView,
  purchasesView,
  subscriptionsView,
} from '../../server/billing-views.js'
import type { ActionHandler } from '../types.js'

// Upstream's next-release read routes: each is one billing read, cut to what the hook shows.

export const getSubscriptions: ActionHandler<'subscriptions/list'> = async (input, { flowglad }) =>
  subscriptionsView(await flowglad.getBilling(), input)

export const getFeatureAccess: ActionHandler<'features/access'> = async (input, { flowglad }) =>
  featureAccessView(await flowglad.getBilling(), input)

export const getPaymentMethods: ActionHandler<'payment-methods/list'> = async (
  _input,
  { flowglad },
) => paymentMethodsView(await flowglad.getBilling())

export const getCustomerDetails: ActionHandler<'customerDetails'> = async (_input, { flowglad }) =>
  customerDetailsView(await flowglad.getBilling())

export const getInvoices: ActionHandler<'invoices/list'> = async (input, { flowglad }) =>
  invoicesView(await flowglad.getBilling(), input)

export const getPurchases: ActionHandler<'purchases/list'> = async (input, { flowglad }) =>
  purchasesView(await flowglad.getBilling(), input)
