// The few parts of Better Auth's endpoint context the plugin reads, typed structurally so one
// build works with every supported Better Auth version.

export interface AdapterWhere {
  field: string
  value: string
}

export interface AdapterLike {
  findOne(args: { model: string; where: AdapterWhere[] }): Promise<unknown>
  findMany(args: { model: string; where: AdapterWhere[] }): Promise<unknown>
}

export interface AuthEndpointContext {
  path?: string
  request?: Request
  headers?: HeadersInit
  body?: unknown
  context: {
    adapter: AdapterLike
    /** Better Auth's trust decision for an origin (its `trustedOrigins` option). */
    isTrustedOrigin?: (url: string, settings?: { allowRelativePaths: boolean }) => boolean
    trustedOrigins?: string[]
    options?: { plugins?: { id?: string; options?: unknown }[] }
    /** What the endpoint answered (after hooks). */
    returned?: unknown
  }
  setStatus(status: number): void
  json<T>(body: T): unknown
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function stringProp(record: unknown, key: string): string | null {
  const value = isRecord(record) ? record[key] : undefined
  return typeof value === 'string' && value !== '' ? value : null
}
