/**
 * Reads an environment variable without assuming Node: edge runtimes may have no `process`.
 */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env
  const value = env?.[name]
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}
