import { describe } from 'vitest'
import { describeBetterAuthPlugin } from '../../test/better-auth/scenario.js'
import { betterAuth14 } from '../../test/better-auth/versions.js'

describe('flowgladPlugin on better-auth 1.4, PostgreSQL', { timeout: 30_000 }, () => {
  describeBetterAuthPlugin(betterAuth14)
})
