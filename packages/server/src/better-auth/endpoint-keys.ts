import { FlowgladActionKey } from '@flowglad/shared'

/** Where upstream's endpoint name is not the action's member name with a lower-case first letter. */
const upstreamNames = { GetResourceUsages: 'getResources' } as const

type MemberName = keyof typeof FlowgladActionKey

/** The endpoint names, as types: `auth.api.getCustomerBilling(...)` and so on are typed. */
export type FlowgladEndpointName = {
  [M in MemberName]: M extends keyof typeof upstreamNames
    ? (typeof upstreamNames)[M]
    : Uncapitalize<M>
}[MemberName]

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1)

/**
 * Every action of the table → its Better Auth endpoint name (`auth.api.<name>`), derived from
 * the action key's member name, so a new action gets an endpoint without an edit here.
 */
export const actionKeyToEndpointKey = Object.fromEntries(
  Object.entries(FlowgladActionKey).map(([member, key]) => [
    key,
    (upstreamNames as Readonly<Record<string, string>>)[member] ?? lowerFirst(member),
  ]),
) as Record<FlowgladActionKey, FlowgladEndpointName>

/** Upstream's export: endpoint name → action key. */
export const endpointKeyToActionKey: Record<string, FlowgladActionKey> = Object.fromEntries(
  Object.entries(actionKeyToEndpointKey).map(([key, endpoint]) => [endpoint, key]),
) as Record<string, FlowgladActionKey>
