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

/** `retry-after-ms` (ms) wins over `Retry-After` (seconds or an HTTP date); undefined if absent. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms')
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms)
    if (Number.isFinite(value) && value >= 0) return value
  }
  const after = headers.get('retry-after')
  if (after === null || after.trim() === '') return undefined
  const seconds = Number(after)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(after)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

export function retryDelayMs(retryIndex: number, headers: Headers | undefined): number {
  const requested = headers ? retryAfterMs(headers) : undefined
  if (requested !== undefined && requested <= MAX_RETRY_AFTER_MS) return requested
  return backoffDelayMs(retryIndex)
}
