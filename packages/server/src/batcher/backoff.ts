export const RETRY_BASE_MS = 500
export const RETRY_CAP_MS = 30_000
/** The longest server-requested wait honoured as is. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000

/**
 * The wait before the next attempt after `failures` consecutive transient failures:
 * exponential backoff with equal jitter (never ~0, so an outage is not hammered: 250–500 ms
 * after the first failure, doubling up to 15–30 s). A server-requested wait (Retry-After) may
 * lengthen it, up to 5 minutes, but never shorten it: our own backoff is the floor, so an API
 * answering `Retry-After: 0` is still retried less and less often.
 */
export function retryDelayMs(
  failures: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1))
  const backoff = Math.round(ceiling / 2 + random() * (ceiling / 2))
  if (retryAfterMs === undefined) return backoff
  return Math.max(backoff, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS))
}
