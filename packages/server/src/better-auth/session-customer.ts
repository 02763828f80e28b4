import { FlowgladError } from '@flowglad/shared'
import type { CustomerDetails } from '../server/session.js'
import type { AuthEndpointContext } from './auth-context.js'
import { creatorRoleOf, getOrganizationDetails, isOrganizationMember } from './organization.js'
import { betterAuthApi } from './peer.js'
import type {
  BetterAuthSessionResult,
  FlowgladBetterAuthPluginOptions,
  FlowgladEndpointError,
  InnerSession,
} from './types.js'

/**
 * The customer a session bills by default: the user, or (organisation mode) the active
 * organisation; an error when organisation mode has no active organisation.
 */
export function resolveCustomerExternalId(
  options: FlowgladBetterAuthPluginOptions,
  session: BetterAuthSessionResult,
): { externalId: string } | { error: FlowgladEndpointError } {
  if (options.customerType !== 'organization') {
    return { externalId: session.session.userId || session.user.id }
  }
  const organizationId = session.session.activeOrganizationId
  if (typeof organizationId === 'string' && organizationId !== '') {
    return { externalId: organizationId }
  }
  return {
    error: {
      code: 'NO_ACTIVE_ORGANIZATION',
      message: 'No active organization: set one (organization.setActive) before billing it',
    },
  }
}

/** The asking customer, with its details for a first-time creation (looked up only then). */
export interface SessionCustomer {
  externalId: string
  details: () => Promise<CustomerDetails>
}

export function innerSessionOf(session: BetterAuthSessionResult): InnerSession {
  const { id, name, email } = session.user
  return { user: { id, name, email, organizationId: session.session.activeOrganizationId ?? null } }
}

/**
 * Null when nobody is signed in. Throws `validation_error` (no active organisation) and
 * `forbidden` (not a member of it) with upstream's code in `details.code`.
 */
export async function resolveSessionCustomer(
  ctx: AuthEndpointContext,
  options: FlowgladBetterAuthPluginOptions,
): Promise<SessionCustomer | null> {
  const session = (await betterAuthApi().getSessionFromCtx(
    ctx as never,
  )) as BetterAuthSessionResult | null
  if (!session) return null
  const resolved = resolveCustomerExternalId(options, session)
  if ('error' in resolved) {
    throw new FlowgladError('validation_error', resolved.error.message, {
      details: { code: resolved.error.code },
    })
  }
  const userId = session.user.id
  const organizationId = options.customerType === 'organization' ? resolved.externalId : null
  if (
    organizationId &&
    !(await isOrganizationMember(ctx.context.adapter, organizationId, userId))
  ) {
    throw new FlowgladError('forbidden', 'Not a member of the active organization', {
      details: { code: 'NOT_ORGANIZATION_MEMBER' },
    })
  }
  if (options.getCustomer) {
    const { externalId, name, email } = await options.getCustomer(innerSessionOf(session))
    return { externalId, details: async () => ({ name, email }) }
  }
  const fromUser = { name: session.user.name ?? '', email: session.user.email ?? '' }
  if (organizationId === null) {
    return { externalId: resolved.externalId, details: async () => fromUser }
  }
  return {
    externalId: organizationId,
    details: async () => {
      const organization = await getOrganizationDetails({
        adapter: ctx.context.adapter,
        organizationId,
        userId,
        creatorRole: creatorRoleOf(ctx),
      })
      return {
        name: organization?.name || fromUser.name,
        email: organization?.email || fromUser.email,
      }
    },
  }
}
