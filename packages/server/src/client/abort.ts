/** Abort helpers built on setTimeout, so fake timers in tests drive them like real time. */

/** How an attempt ended without an answer; `timedOut` when our own timer stopped it. */
export interface AttemptFailure {
  error: unknown
  timedOut: boolean
}

/**
 * Runs one attempt with a signal that fires after `timeoutMs` or when the caller's `outer`
 * fires, and stops waiting as soon as it fires, even if `task` ignores the signal. Never
 * rejects: a failure comes back as an `AttemptFailure`. The caller checks `outer` right before,
 * so it has not fired yet.
 */
export async function runAttempt<T extends object>(
  timeoutMs: number,
  outer: AbortSignal | undefined,
  task: (signal: AbortSignal) => Promise<T>,
): Promise<T | AttemptFailure> {
  const controller = new AbortController()
  const { signal } = controller
  // The signal lives for this attempt only, so its listener needs no removing.
  const stopped = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason))
  })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new DOMException(`Request timed out after ${timeoutMs} ms`, 'TimeoutError'))
  }, timeoutMs)
  const onOuterAbort = () => controller.abort(outer?.reason)
  outer?.addEventListener('abort', onOuterAbort)
  try {
    return await Promise.race([task(signal), stopped])
  } catch (error) {
    return { error, timedOut }
  } finally {
    clearTimeout(timer)
    outer?.removeEventListener('abort', onOuterAbort)
  }
}

/** Waits `ms`, or rejects with the signal's reason as soon as it fires (or at once if it has). */
export async function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted()
  await new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort)
  })
}
