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
  const candidate = (details ?? {}) as Partial<CustomerDetails>
  if (typeof candidate.name !== 'string' || typeof candidate.email !== 'string') {
    throw new FlowgladError(
      'internal_error',
      `${origin} must return { name: string, email: string }`,
    )
  }
  return { name: candidate.name, email: candidate.email }
}

/** Checked only when the customer is about to be created, where the API would refuse it. */
function withValidEmail(details: CustomerDetails, origin: string): CustomerDetails {
  if (!customerEmailSchema.safeParse(details.email).success) {
    throw new FlowgladError('internal_error', `${origin} returned an invalid email address`)
  }
  return details
}

/** Resolves (once) who the asking customer is, whichever form the app configured. */
export class CustomerSession {
  readonly #source: CustomerSource
  #requesting: Promise<RequestingCustomer> | undefined

  constructor(source: CustomerSource) {
    const scoped = 'customerExternalId' in source && source.customerExternalId !== undefined
    const requesting =
      'getRequestingCustomer' in source && source.getRequestingCustomer !== undefined
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

  /** The synchronous id when known up front (scoped form). */
  get knownExternalId(): string | undefined {
    return this.#source.customerExternalId
  }

  async externalId(): Promise<string> {
    if (this.#source.customerExternalId !== undefined) return this.#source.customerExternalId
    return (await this.#requestingCustomer()).externalId
  }

  /** Name and email for creating the customer. */
  async details(): Promise<CustomerDetails> {
    const source = this.#source
    if (source.customerExternalId !== undefined) {
      const externalId: string = source.customerExternalId
      const getDetails: unknown = source.getCustomerDetails
      if (typeof getDetails !== 'function') {
        throw new FlowgladError(
          'internal_error',
          `getCustomerDetails is required to create customer ${externalId} in Flowglad`,
        )
      }
      const details = checkDetails(await getDetails(externalId), 'getCustomerDetails')
      return withValidEmail(details, 'getCustomerDetails')
    }
    const { name, email } = await this.#requestingCustomer()
    return withValidEmail({ name, email }, 'getRequestingCustomer')
  }

  /** The session as the upstream `getSession()` returns it. */
  async session(): Promise<RequestingCustomer> {
    if (this.#source.customerExternalId !== undefined) {
      return { externalId: this.#source.customerExternalId, name: '', email: '' }
    }
    return this.#requestingCustomer()
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
    })()
    // A failed resolution is not cached: the next call asks again.
    this.#requesting.catch(() => {
      this.#requesting = undefined
    })
    return this.#requesting
  }
}
