import type { Customer } from '@flowglad/shared'
import { type AuthEndpointContext, isRecord, stringProp } from './auth-context.js'
import { customerServer } from './customer-server.js'
import { creatorRoleOf, getOrganizationDetails } from './organization.js'
import { betterAuthApi } from './peer.js'
import type {
  BetterAuthSessionResult,
  FlowgladBetterAuthPluginOptions,
  InnerSession,
} from './types.js'

const signUpPaths = new Set(['/sign-up', '/sign-up/email'])

/**
 * Creates the organisation as a Flowglad customer (external id: the organisation's, or what
 * `getCustomer` picks); its name and email, else the creating user's.
 */
export async function createFlowgladCustomerForOrganization(
  options: FlowgladBetterAuthPluginOptions,
  params: {
    organizationId: string
    userId: string
    userEmail: string
    userName?: string | null
    organizationName?: string | null
    organizationEmail?: string | null
  },
): Promise<Customer> {
  const name = params.organizationName || params.userName || ''
  const email = params.organizationEmail || params.userEmail
  const session: InnerSession = {
    user: { id: params.userId, name, email, organizationId: params.organizationId },
  }
  const customer = options.getCustomer
    ? await options.getCustomer(session)
    : { externalId: params.organizationId, name, email }
  const details = async () => ({ name: customer.name, email: customer.email })
  return customerServer(options, customer.externalId, details).findOrCreateCustomer()
}

async function createUserCustomer(
  options: FlowgladBetterAuthPluginOptions,
  session: InnerSession,
): Promise<void> {
  const { user } = session
  const customer = options.getCustomer
    ? await options.getCustomer(session)
    : { externalId: user.id, name: user.name ?? '', email: user.email ?? '' }
  const details = async () => ({ name: customer.name, email: customer.email })
  await customerServer(options, customer.externalId, details).findOrCreateCustomer()
}

/** A failure here is reported, never thrown: sign-up and organisation creation go on. */
async function bestEffort(
  options: FlowgladBetterAuthPluginOptions,
  hook: 'afterSignUp' | 'afterOrganizationCreate',
  session: InnerSession,
  create: () => Promise<unknown>,
): Promise<void> {
  const customerType = options.customerType ?? 'user'
  try {
    await create()
  } catch (error) {
    try {
      if (options.onCustomerCreateError) {
        await options.onCustomerCreateError({ hook, customerType, session, error })
      } else {
        console.error(`Flowglad: creating the customer in ${hook} failed`, error)
      }
    } catch {
      // A failing error callback must not fail the sign-up either.
    }
  }
}

/** The user a sign-up answered with (`{ token, user }`); none when the sign-up failed. */
function signedUpUser(ctx: AuthEndpointContext): InnerSession | null {
  const returned = ctx.context.returned
  const user = isRecord(returned) ? returned.user : undefined
  const id = stringProp(user, 'id')
  if (id === null) return null
  return {
    user: {
      id,
      name: stringProp(user, 'name'),
      email: stringProp(user, 'email'),
      organizationId: null,
    },
  }
}

async function afterSignUp(ctx: AuthEndpointContext, options: FlowgladBetterAuthPluginOptions) {
  const session = signedUpUser(ctx)
  if (session === null) return
  await bestEffort(options, 'afterSignUp', session, () => createUserCustomer(options, session))
}

async function afterOrganizationCreate(
  ctx: AuthEndpointContext,
  options: FlowgladBetterAuthPluginOptions,
) {
  const organizationId = stringProp(ctx.context.returned, 'id')
  if (organizationId === null) return
  const auth = (await betterAuthApi()
    .getSessionFromCtx(ctx as never)
    .catch(() => null)) as BetterAuthSessionResult | null
  if (!auth) return
  const { user } = auth
  const session: InnerSession = {
    user: { id: user.id, name: user.name, email: user.email, organizationId },
  }
  await bestEffort(options, 'afterOrganizationCreate', session, async () => {
    const organization = await getOrganizationDetails({
      adapter: ctx.context.adapter,
      organizationId,
      userId: user.id,
      creatorRole: creatorRoleOf(ctx),
    })
    return createFlowgladCustomerForOrganization(options, {
      organizationId,
      userId: user.id,
      userEmail: user.email ?? '',
      userName: user.name,
      organizationName: organization?.name ?? stringProp(ctx.context.returned, 'name'),
      organizationEmail: organization?.email,
    })
  })
}

/** Better Auth `after` hooks: the customer exists from sign-up (or organisation creation) on. */
export function customerCreationHooks(options: FlowgladBetterAuthPluginOptions) {
  const { createAuthMiddleware } = betterAuthApi()
  const organizationMode = options.customerType === 'organization'
  return [
    {
      matcher: (ctx: { path?: string }) =>
        organizationMode ? ctx.path === '/organization/create' : signUpPaths.has(ctx.path ?? ''),
      handler: createAuthMiddleware(async (ctx) => {
        const context = ctx as unknown as AuthEndpointContext
        if (organizationMode) await afterOrganizationCreate(context, options)
        else await afterSignUp(context, options)
      }),
    },
  ]
}
