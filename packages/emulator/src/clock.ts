/** The emulator's notion of "now". Tests move it; nothing reads `Date.now()` directly. */
export interface Clock {
  now(): number
  advance(ms: number): number
  set(epochMs: number): number
}

/**
 * A controllable clock. Created with `initial`, it is frozen there and only moves when told.
 * Created without, it follows the wall clock, and `advance` / `set` shift it by an offset
 * (it keeps ticking), so a long-running server can jump a month ahead and stay there.
 */
export function createClock(initial?: number | Date): Clock {
  let frozen: number | undefined =
    initial === undefined ? undefined : initial instanceof Date ? initial.getTime() : initial
  let offset = 0
  const now = () => frozen ?? Date.now() + offset
  return {
    now,
    advance(ms: number) {
      if (frozen !== undefined) frozen += ms
      else offset += ms
      return now()
    },
    set(epochMs: number) {
      if (frozen !== undefined) frozen = epochMs
      else offset = epochMs - Date.now()
      return now()
    },
  }
}
