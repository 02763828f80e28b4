// ESM entry of `@flowglad/server/better-auth`: the optional peer is loaded (or refused with a
// clear message) before the module finishes importing. Built as ESM only (top-level await).
import { importBetterAuthApi, provideBetterAuthApi } from './peer.js'

provideBetterAuthApi(await importBetterAuthApi(() => import('better-auth/api')))

export * from './exports.js'
