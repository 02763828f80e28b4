/** Where the Flowglad API lives unless told otherwise. */
export const DEFAULT_FLOWGLAD_BASE_URL = 'https://app.flowglad.com'

/**
 * The Flowglad API origin (upstream name): `FLOWGLAD_BASE_URL` when set, else
 * `https://app.flowglad.com`. Safe in browsers and edge runtimes, where `process` may not exist.
 */
export function getBaseURL(): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env
  return env?.FLOWGLAD_BASE_URL?.trim() || DEFAULT_FLOWGLAD_BASE_URL
}
