/** Exponential backoff with full jitter: a random wait in [0, min(cap, base · 2^attempt)). */
export const BACKOFF_BASE_MS = 500
export const BACKOFF_CAP_MS = 8_000
/** The longest server-requested wait we honour; beyond it we fall back to our own backoff. */
export const MAX_RETRY_AFTER_MS = 60_000

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

export function backoffDelayMs(retryIndex: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retryIndex)
  return Math.floor(random() * ceiling)
}

/** A header as a non-negative number; undefined when absent, blank (not 0) or not a number. */
function headerNumber(headers: Headers, name: string): number | undefined {
  const text = headers.get(name)?.trim()
  const value = text ? Number(text) : Number.NaN
  return Number.isFinite(value) && value >= 0 ? value : undefined
}

/** `retry-after-ms` (ms) wins over `Retry-After` (seconds or an HTTP date); undefined if absent. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headerNumber(headers, 'retry-after-ms')
  if (ms !== undefined) return ms
  const seconds = headerNumber(headers, 'retry-after')
  if (seconds !== undefined) return seconds * 1000
  const date = Date.parse(headers.get('retry-after') ?? '')
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export function retryDelayMs(retryIndex: number, headers: Headers): number {
  const requested = retryAfterMs(headers)
  if (requested !== undefined && requested <= MAX_RETRY_AFTER_MS) return requested
  return backoffDelayMs(retryIndex)
}
