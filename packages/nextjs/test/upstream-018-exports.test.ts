import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

// Every runtime export of the published upstream 0.18.0 packages must exist in ours, except
// those later issues add (listed below with their issue). A new upstream name we lack fails.
// Upstream is read through CJS: its react/nextjs ESM output does not load in plain Node.
const require = createRequire(import.meta.url)

const later = {
  webhooks: { issue: 18, names: ['verifyWebhook', 'WebhookVerificationError'] },
}
const allowedGaps = new Set(Object.values(later).flatMap((group) => group.names))

const entries = [
  { name: '@flowglad/shared', upstream: 'upstream-shared', ours: () => import('@flowglad/shared') },
  { name: '@flowglad/server', upstream: 'upstream-server', ours: () => import('@flowglad/server') },
  {
    name: '@flowglad/server/express',
    upstream: 'upstream-server/express',
    ours: () => import('@flowglad/server/express'),
  },
  {
    name: '@flowglad/server/better-auth',
    upstream: 'upstream-server/better-auth',
    ours: () => import('@flowglad/server/better-auth'),
  },
  {
    name: '@flowglad/server/supabase',
    upstream: 'upstream-server/supabase',
    ours: () => import('@flowglad/server/supabase'),
  },
  { name: '@flowglad/react', upstream: 'upstream-react', ours: () => import('@flowglad/react') },
  { name: '@flowglad/nextjs', upstream: 'upstream-nextjs', ours: () => import('@flowglad/nextjs') },
  {
    name: '@flowglad/nextjs/server',
    upstream: 'upstream-nextjs/server',
    ours: () => import('@flowglad/nextjs/server'),
  },
  {
    name: '@flowglad/nextjs/better-auth',
    upstream: 'upstream-nextjs/better-auth',
    ours: () => import('@flowglad/nextjs/better-auth'),
  },
]

const runtimeKeys = (module: object) =>
  Object.keys(module).filter((key) => key !== 'default' && key !== '__esModule')

describe('runtime exports: ours ⊇ published upstream 0.18.0', () => {
  it.each(entries)('$name has every upstream export (later issues excepted)', async (entry) => {
    const upstream = runtimeKeys(require(entry.upstream))
    expect(upstream.length).toBeGreaterThan(0)
    const ours = new Set(runtimeKeys(await entry.ours()))
    const missing = upstream.filter((key) => !ours.has(key) && !allowedGaps.has(key)).sort()
    expect(missing).toEqual([])
  })

  it('the allow-list names only upstream exports (no typo hides a gap)', () => {
    const upstreamNames = new Set(entries.flatMap((entry) => runtimeKeys(require(entry.upstream))))
    expect([...allowedGaps].filter((name) => !upstreamNames.has(name))).toEqual([])
  })
})
