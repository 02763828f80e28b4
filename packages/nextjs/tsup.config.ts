import { defineConfig } from 'tsup'
import { bundledServerBuild } from '../../scripts/tsup-preset'

// ESM bundled per published entry, so `import('@flowglad/nextjs/server')` reads a few files
// (cold start); shared's zod-free core is inlined as in @flowglad/server. No module here carries
// a 'use client' directive (the client entry only re-exports @flowglad/react).
export default defineConfig(bundledServerBuild([/^@flowglad\/shared\/core$/]))
