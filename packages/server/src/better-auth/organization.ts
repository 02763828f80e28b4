import { type AdapterLike, type AuthEndpointContext, isRecord, stringProp } from './auth-context.js'

const defaultCreatorRole = 'owner'

export async function isOrganizationMember(
  adapter: AdapterLike,
  organizationId: string,
  userId: string,
): Promise<boolean> {
  const member = await adapter.findOne({
    model: 'member',
    where: [
      { field: 'organizationId', value: organizationId },
      { field: 'userId', value: userId },
    ],
  })
  return member !== null && member !== undefined
}

/**
 * The organisation's name and its creator's email, for creating it as a Flowglad customer;
 * null when the user is not a member (or there is no such organisation). The email is `''`
 * when no member holds the creator role.
 */
export async function getOrganizationDetails(params: {
  adapter: AdapterLike
  organizationId: string
  userId: string
  creatorRole?: string
}): Promise<{ id: string; name: string; email: string } | null> {
  const { adapter, organizationId, userId } = params
  const [member, organization] = await Promise.all([
    isOrganizationMember(adapter, organizationId, userId),
    adapter.findOne({ model: 'organization', where: [{ field: 'id', value: organizationId }] }),
  ])
  if (!member || !isRecord(organization)) return null
  const creators = await adapter.findMany({
    model: 'member',
    where: [
      { field: 'organizationId', value: organizationId },
      { field: 'role', value: params.creatorRole ?? defaultCreatorRole },
    ],
  })
  const creatorId = Array.isArray(creators) ? stringProp(creators[0], 'userId') : null
  const creator = creatorId
    ? await adapter.findOne({ model: 'user', where: [{ field: 'id', value: creatorId }] })
    : null
  return {
    id: organizationId,
    name: stringProp(organization, 'name') ?? '',
    email: stringProp(creator, 'email') ?? '',
  }
}

/** The organization plugin's `creatorRole` option, when that plugin is installed. */
export function creatorRoleOf(ctx: AuthEndpointContext): string | undefined {
  const plugin = ctx.context.options?.plugins?.find((candidate) => candidate.id === 'organization')
  return stringProp(plugin?.options, 'creatorRole') ?? undefined
}
