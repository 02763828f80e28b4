// CommonJS entry of `@flowglad/server/better-auth` (and the declarations of both entries): the
// optional peer is required now, so a missing install fails at require() with a clear message.
import { provideBetterAuthApi, requireBetterAuthApi } from './peer.js'

provideBetterAuthApi(requireBetterAuthApi(() => require('better-auth/api')))

export * from './exports.js'
