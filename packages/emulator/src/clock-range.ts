/**
 * The instants the emulator's clock (and a backdated subscription start) may take:
 * 2000-01-01T00:00:00Z inclusive to 2200-01-01T00:00:00Z exclusive. Moving the clock closes
 * every billing period it passes, so an unbounded jump (say to the end of the Date range,
 * 8.64e15) would write millions of periods per subscription; two centuries of monthly periods
 * is at most 2,400 per subscription.
 */
export const CLOCK_RANGE = {
  min: Date.UTC(2000, 0, 1),
  max: Date.UTC(2200, 0, 1),
} as const

const iso = (ms: number) => new Date(ms).toISOString()

/** Why `ms` is not an acceptable instant, or undefined when it is. */
export function clockRangeProblem(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return `${ms} is not a finite number of epoch milliseconds`
  if (ms < CLOCK_RANGE.min || ms >= CLOCK_RANGE.max) {
    return `${ms} is outside the supported range ${iso(CLOCK_RANGE.min)} (inclusive) to ${iso(CLOCK_RANGE.max)} (exclusive)`
  }
  return undefined
}
