import { customerEmailSchema, FlowgladError } from '@flowglad/shared/core'

export interface CustomerDetails {
  name: string
  email: string
}

export interface RequestingCustomer extends CustomerDetails {
  externalId: string
}

type MaybePromise<T> = T | Promise<T>

/** The upstream "scoped" form: your user or org id, plus details for first-time creation. */
export interface ScopedCustomerSource {
  customerExternalId: string
  /** Only called when the customer must be created in Flowglad. */
  getCustomerDetails: (externalId: string) => MaybePromise<CustomerDetails>
  getRequestingCustomer?: never
}

/** The upstream "base" form: one callback resolving the asking customer. */
export interface RequestingCustomerSource {
  getRequestingCustomer: () => MaybePromise<RequestingCustomer>
  customerExternalId?: never
  getCustomerDetails?: never
}

export type CustomerSource = ScopedCustomerSource | RequestingCustomerSource

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === ''
}

/**
 * The app's own callbacks produce these, never the browser: a bad value is the app's bug
 * (`internal_error`, its message kept out of any browser answer), not bad input.
 */
function checkDetails(details: unknown, origin: string): CustomerDetails {
  const { name, email } = (details ?? {}) as Partial<CustomerDetails>
  if (typeof name !== 'string' || typeof email !== 'string') {
    throw new FlowgladError(
      'internal_error',
      `${origin} must return { name: string, email: string }`,
    )
  }
  return { name, email }
}

/** Resolves (once) who the asking customer is, whichever form the app configured. */
export class CustomerSession {
  readonly #source: CustomerSource
  #requesting: Promise<RequestingCustomer> | undefined

  constructor(source: CustomerSource) {
    // FlowgladServer hands over its options object, so reading the fields is safe.
    const scoped = source.customerExternalId !== undefined
    const requesting = source.getRequestingCustomer !== undefined
    if (scoped && requesting) {
      throw new FlowgladError(
        'validation_error',
        'Pass either customerExternalId (with getCustomerDetails) or getRequestingCustomer, not both',
      )
    }
    if (!scoped && !requesting) {
      throw new FlowgladError(
        'validation_error',
        'FlowgladServer needs customerExternalId (with getCustomerDetails) or getRequestingCustomer',
      )
    }
    if (scoped && isBlank(source.customerExternalId)) {
      throw new FlowgladError('validation_error', 'customerExternalId must be a non-empty string')
    }
    if (requesting && typeof source.getRequestingCustomer !== 'function') {
      throw new FlowgladError('validation_error', 'getRequestingCustomer must be a function')
    }
    this.#source = source
  }

  // Scoped form: `customerExternalId` is a non-blank string (checked above); otherwise it is
  // undefined and the requesting-customer callback answers.

  async externalId(): Promise<string> {
    return this.#source.customerExternalId ?? (await this.#requestingCustomer()).externalId
  }

  /**
   * Name and email for creating the customer. The email is checked only here, where the API
   * would refuse to create the customer with a bad one.
   */
  async details(): Promise<CustomerDetails> {
    const { customerExternalId: externalId, getCustomerDetails } = this.#source
    const origin = externalId === undefined ? 'getRequestingCustomer' : 'getCustomerDetails'
    let details: CustomerDetails
    if (externalId === undefined) {
      details = checkDetails(await this.#requestingCustomer(), origin)
    } else if (typeof getCustomerDetails === 'function') {
      details = checkDetails(await getCustomerDetails(externalId), origin)
    } else {
      throw new FlowgladError(
        'internal_error',
        `getCustomerDetails is required to create customer ${externalId} in Flowglad`,
      )
    }
    if (!customerEmailSchema.safeParse(details.email).success) {
      throw new FlowgladError('internal_error', `${origin} returned an invalid email address`)
    }
    return details
  }

  /** The session as the upstream `getSession()` returns it. */
  async session(): Promise<RequestingCustomer> {
    const externalId = this.#source.customerExternalId
    if (externalId === undefined) return this.#requestingCustomer()
    return { externalId, name: '', email: '' }
  }

  #requestingCustomer(): Promise<RequestingCustomer> {
    const source = this.#source
    this.#requesting ??= (async () => {
      const customer = (await source.getRequestingCustomer?.()) as RequestingCustomer | undefined
      if (!customer || isBlank(customer.externalId)) {
        throw new FlowgladError(
          'unauthenticated',
          'User not authenticated: getRequestingCustomer returned no externalId',
        )
      }
      const details = checkDetails(customer, 'getRequestingCustomer')
      return { externalId: customer.externalId, ...details }
    })().catch((error: unknown) => {
      // A failed resolution is not cached: the next call asks again.
      this.#requesting = undefined
      throw error
    })
    return this.#requesting
  }
}
