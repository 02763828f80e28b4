import { FlowgladError } from '@flowglad/shared/core'
import type { UsageFailure } from './types.js'

/**
 * `flush()` rejects with this when events in its scope failed for good. `code` is the first
 * failure's code; every failure (with its own error) is in `failures`.
 */
export class UsageFlushError extends FlowgladError {
  readonly failures: UsageFailure[]
  /** Events of the same flush that the API did acknowledge. */
  readonly delivered: number

  constructor(failures: UsageFailure[], delivered: number) {
    const first = failures[0]?.error
    super(
      first?.code ?? 'internal_error',
      `${failures.length} usage event${failures.length === 1 ? '' : 's'} failed permanently (${delivered} delivered)${first ? `; first: ${first.message}` : ''}`,
      { details: { failed: failures.length, delivered } },
    )
    this.name = 'UsageFlushError'
    this.failures = failures
    this.delivered = delivered
  }
}
