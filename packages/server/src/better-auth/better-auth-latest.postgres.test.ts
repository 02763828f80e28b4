import { describe } from 'vitest'
import { describeBetterAuthPlugin } from '../../test/better-auth/scenario.js'
import { betterAuthLatest } from '../../test/better-auth/versions.js'

describe('flowgladPlugin on the newest better-auth, PostgreSQL', { timeout: 30_000 }, () => {
  describeBetterAuthPlugin(betterAuthLatest)
})
