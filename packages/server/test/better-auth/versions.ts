// The two Better Auth lines the plugin is tested with, loaded the same way an app loads them.
import type { BetterAuthApi } from '../../src/better-auth/peer.js'

export interface BetterAuthVersion {
  label: string
  api: BetterAuthApi
  // biome-ignore lint/suspicious/noExplicitAny: each version's own option and instance types
  betterAuth: (options: any) => any
  organization: () => unknown
  // biome-ignore lint/suspicious/noExplicitAny: each version's own option type
  getMigrations: (options: any) => Promise<{ runMigrations: () => Promise<void> }>
}

export async function betterAuthLatest(): Promise<BetterAuthVersion> {
  const [{ betterAuth }, api, { organization }, { getMigrations }] = await Promise.all([
    import('better-auth'),
    import('better-auth/api'),
    import('better-auth/plugins'),
    import('better-auth/db/migration'),
  ])
  return { label: 'better-auth (newest)', api, betterAuth, organization, getMigrations }
}

export async function betterAuth14(): Promise<BetterAuthVersion> {
  const [{ betterAuth }, api, { organization }, { getMigrations }] = await Promise.all([
    import('better-auth-1-4'),
    import('better-auth-1-4/api'),
    import('better-auth-1-4/plugins'),
    import('better-auth-1-4/db'),
  ])
  return {
    label: 'better-auth 1.4',
    api: api as unknown as BetterAuthApi,
    betterAuth,
    organization,
    getMigrations,
  }
}
