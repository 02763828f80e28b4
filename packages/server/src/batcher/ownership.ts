import { isFlowgladError } from '@flowglad/shared/core'
import { asFlowgladError } from './classify-error.js'
import type { QueuedEvent } from './entry.js'
import type { UsageFailure } from './types.js'

type Verdict = { owned: true } | { owned: false; failure: UsageFailure['error'] }

/**
 * With a customer-scoped client, each distinct subscriptionId is checked once (the verdict is
 * cached; `FlowgladServer` re-checks against its own TTL cache on every send anyway, so a
 * stale "owned" can never let a foreign event through). Foreign events are never sent.
 */
export class OwnershipGate {
  readonly #assert: (subscriptionId: string) => Promise<void>
  readonly #verdicts = new Map<string, Promise<Verdict>>()

  constructor(assert: (subscriptionId: string) => Promise<void>) {
    this.#assert = assert
  }

  /** Splits a batch into owned and foreign events; throws if a check itself failed (retry later). */
  async partition(entries: readonly QueuedEvent[]) {
    const ids = [...new Set(entries.map((entry) => entry.event.subscriptionId))]
    const verdicts = new Map<string, Verdict>()
    await Promise.all(
      ids.map(async (id) => {
        verdicts.set(id, await this.#verdict(id))
      }),
    )
    const owned: QueuedEvent[] = []
    const foreign: { entry: QueuedEvent; failure: UsageFailure }[] = []
    for (const entry of entries) {
      const verdict = verdicts.get(entry.event.subscriptionId)
      if (!verdict || verdict.owned) {
        owned.push(entry)
        continue
      }
      const { event } = entry
      foreign.push({
        entry,
        failure: { transactionId: event.transactionId, event, error: verdict.failure },
      })
    }
    return { owned, foreign }
  }

  #verdict(subscriptionId: string): Promise<Verdict> {
    let verdict = this.#verdicts.get(subscriptionId)
    if (!verdict) {
      verdict = this.#check(subscriptionId)
      this.#verdicts.set(subscriptionId, verdict)
      // A failed check (network) is not a verdict: forget it so the next send asks again.
      verdict.catch(() => this.#verdicts.delete(subscriptionId))
    }
    return verdict
  }

  async #check(subscriptionId: string): Promise<Verdict> {
    try {
      await this.#assert(subscriptionId)
      return { owned: true }
    } catch (error) {
      if (isFlowgladError(error) && error.code === 'forbidden') {
        return { owned: false, failure: asFlowgladError(error) }
      }
      throw error
    }
  }
}
