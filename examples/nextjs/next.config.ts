import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

const config: NextConfig = {
  // The workspace root holds the lockfile; tell Next so it does not guess.
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  poweredByHeader: false,
}

export default config
