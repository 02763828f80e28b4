/**
 * Reads an environment variable without assuming Node: edge runtimes may have no `process`.
 */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env
  return env?.[name]?.trim() || undefined
}
