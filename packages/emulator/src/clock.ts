/** The emulator's notion of "now". Tests move it; nothing reads `Date.now()` directly. */
export interface Clock {
  now(): number
  advance(ms: number): number
  set(epochMs: number): number
}

/**
 * A controllable clock. Until `set` or `advance` is called it follows the wall clock
 * (offset by `initial` when given); afterwards it is frozen at the chosen instant.
 */
export function createClock(initial?: number | Date): Clock {
  let frozen: number | undefined =
    initial === undefined ? undefined : initial instanceof Date ? initial.getTime() : initial
  return {
    now: () => frozen ?? Date.now(),
    advance(ms: number) {
      frozen = (frozen ?? Date.now()) + ms
      return frozen
    },
    set(epochMs: number) {
      frozen = epochMs
      return frozen
    },
  }
}
