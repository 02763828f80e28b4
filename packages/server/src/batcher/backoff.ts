export const RETRY_BASE_MS = 500
export const RETRY_CAP_MS = 30_000
/** The longest server-requested wait honoured as is. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000

/**
 * The wait before the next attempt after `failures` consecutive transient failures: a
 * server-requested wait wins; otherwise exponential backoff with equal jitter (never ~0, so
 * an outage is not hammered).
 */
export function retryDelayMs(
  failures: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS)
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}
