// The optional peer `better-auth`, loaded in one place so that a missing install fails once,
// at import, with a message that says what to install (not "Cannot find module ...").
export type BetterAuthApi = typeof import('better-auth/api')

export const missingBetterAuthMessage =
  '@flowglad/server/better-auth needs the `better-auth` package (an optional peer dependency): install it, e.g. `npm install better-auth`'

let provided: BetterAuthApi | undefined

function isMissingBetterAuth(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
  // The missing module must be better-auth itself, not one of its own dependencies.
  return notFound && typeof message === 'string' && /['"]better-auth(?:\/api)?['"]/.test(message)
}

function explained(error: unknown): unknown {
  return isMissingBetterAuth(error) ? new Error(missingBetterAuthMessage, { cause: error }) : error
}

/** ESM: `import()` the peer (awaited at the top of the ESM entry). */
export async function importBetterAuthApi(
  load: () => Promise<BetterAuthApi>,
): Promise<BetterAuthApi> {
  try {
    return await load()
  } catch (error) {
    throw explained(error)
  }
}

/** CommonJS: `require()` the peer. */
export function requireBetterAuthApi(load: () => BetterAuthApi): BetterAuthApi {
  try {
    return load()
  } catch (error) {
    throw explained(error)
  }
}

/** Called once by the entry module with the loaded peer. */
export function provideBetterAuthApi(api: BetterAuthApi): void {
  provided = api
}

/** The loaded `better-auth/api`; the entry modules load it before anything can call this. */
export function betterAuthApi(): BetterAuthApi {
  if (provided === undefined) {
    throw new Error('Import @flowglad/server/better-auth through its package entry')
  }
  return provided
}
