import { defineConfig } from 'tsup'
import { bundledServerBuild } from '../../scripts/tsup-preset'

// ESM bundled per published entry (cold start: a few files to load, not a hundred); see the
// preset. Inlined: shared's zod-free core (FlowgladError stays one class across copies: it checks
// a brand) and the small dependencies. Webhooks get an output file of their own so an app that
// never verifies a webhook still drops `standardwebhooks` (a chunk of this sideEffects-free
// package is droppable by bundlers, an import inside the main chunk is not).
export default defineConfig(
  bundledServerBuild(
    ['src/webhooks/index.ts'],
    [
      /^@flowglad\/shared\/core$/,
      /^nanoid(\/|$)/,
      /^standardwebhooks$/,
      /^@stablelib\//,
      /^fast-sha256$/,
    ],
  ),
)
