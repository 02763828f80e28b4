import { defineConfig } from 'tsup'
import { bundledServerBuild } from '../../scripts/tsup-preset'

// ESM bundled per published entry, so `import('@flowglad/nextjs/server')` reads two files, its
// own and @flowglad/server's (cold start): shared's zod-free core is inlined as in
// @flowglad/server, and so are the Pages Router's node-http helpers (6 KB, pure functions; a
// third file would cost more to resolve and read than they cost to parse). No module here
// carries a 'use client' directive (the client entry only re-exports @flowglad/react).
export default defineConfig(
  bundledServerBuild([/^@flowglad\/shared\/core$/, /^@flowglad\/server\/node-http$/]),
)
