import { defineConfig } from 'tsup'
import { bundledServerBuild } from '../../scripts/tsup-preset'

// ESM: the main entry is one self-contained file (cold start), subpath entries import it; see
// the preset. Inlined: shared's zod-free core (FlowgladError stays one class across copies: it
// checks a brand) and nanoid's small ESM build. Webhook signatures use our own HMAC-SHA256, so
// no CommonJS library sits in the main file where a bundler could not drop it.
export default defineConfig(bundledServerBuild([/^@flowglad\/shared\/core$/, /^nanoid(\/|$)/]))
