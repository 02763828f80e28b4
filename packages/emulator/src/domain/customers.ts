import { conflict, notFound } from '../errors.js'
import { newId } from '../ids.js'
import { pair, type State } from '../store/state.js'
import type { CustomerRow, SubscriptionItemRow, SubscriptionRow } from '../store/types.js'
import { emitCustomerEvent } from '../webhooks/domain-events.js'
import { createSubscription } from './subscriptions.js'
import { productWithPrices } from './views.js'

export interface CustomerInput {
  email: string
  name: string
  externalId: string
  archived?: boolean
  logoURL?: string | null
  iconURL?: string | null
  domain?: string | null
  userId?: string | null
}

export type CustomerUpdate = Partial<Omit<CustomerInput, 'externalId'>>

export function findCustomer(state: State, externalId: string): CustomerRow | undefined {
  const id = state.indexes.customerByExternalId.get(pair(state.defaultPricingModelId, externalId))
  return id ? state.tables.customers.get(id) : undefined
}

export function requireCustomer(state: State, externalId: string): CustomerRow {
  const customer = findCustomer(state, externalId)
  if (!customer) throw notFound(`Customer with externalId ${externalId} not found`)
  return customer
}

/**
 * Creates a customer in the key's pricing model and subscribes it to the default
 * product's default price (the free plan).
 */
export function createCustomer(
  state: State,
  now: number,
  input: CustomerInput,
): {
  customer: CustomerRow
  subscription?: SubscriptionRow
  subscriptionItems?: SubscriptionItemRow[]
} {
  const pricingModelId = state.defaultPricingModelId
  if (findCustomer(state, input.externalId)) {
    throw conflict(
      `This item already exists: a customer with externalId ${input.externalId} already exists`,
    )
  }
  const customer: CustomerRow = {
    id: newId('cust'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    organizationId: state.organizationId,
    email: input.email,
    name: input.name,
    invoiceNumberBase: newId('inv').slice(4, 11).toUpperCase(),
    archived: input.archived ?? false,
    logoURL: input.logoURL ?? null,
    iconURL: input.iconURL ?? null,
    domain: input.domain ?? null,
    externalId: input.externalId,
    userId: input.userId ?? null,
    pricingModelId,
  }
  state.tables.customers.set(customer.id, customer)
  emitCustomerEvent(state, 'customer.created', customer, now)
  if (customer.archived) return { customer }
  state.indexes.customerByExternalId.set(pair(pricingModelId, customer.externalId), customer.id)
  for (const product of state.tables.products.values()) {
    if (product.pricingModelId !== pricingModelId || !product.default || !product.active) continue
    const price = productWithPrices(state, product).defaultPrice
    if (!price || price.type !== 'subscription') continue
    const created = createSubscription(state, now, { customer, price })
    return { customer, ...created }
  }
  return { customer }
}

export function updateCustomer(
  state: State,
  customer: CustomerRow,
  update: CustomerUpdate,
  now: number,
): CustomerRow {
  for (const key of ['email', 'name', 'logoURL', 'iconURL', 'domain', 'userId'] as const) {
    const value = update[key]
    if (value !== undefined) Object.assign(customer, { [key]: value })
  }
  if (update.archived === true && !customer.archived) {
    customer.archived = true
    state.indexes.customerByExternalId.delete(pair(customer.pricingModelId, customer.externalId))
  }
  customer.updatedAt = now
  emitCustomerEvent(state, 'customer.updated', customer, now)
  return customer
}
