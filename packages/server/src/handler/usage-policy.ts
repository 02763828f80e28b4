import { FlowgladError, usageEventIdentifierFields } from '@flowglad/shared/core'
import type { ResolvedUsageEvent } from './types.js'

/** A declarative rule for usage events sent from the browser. */
export interface UsagePolicyRules {
  /** Meter or price slugs (ids also match) the browser may record usage against. */
  allow?: readonly string[]
  /** Largest `amount` one browser event may carry. */
  maxAmount?: number
}

export type UsagePolicyFunction = (
  event: ResolvedUsageEvent,
  context: { customerExternalId: string },
) => boolean | Promise<boolean>

/** Guard for browser-originated usage: rules, or a function returning whether to allow. */
export type UsagePolicy = UsagePolicyRules | UsagePolicyFunction

/** Throws `forbidden` naming the rule that refused; no policy allows everything (as upstream). */
export async function enforceUsagePolicy(
  policy: UsagePolicy | undefined,
  event: ResolvedUsageEvent,
  customerExternalId: string,
): Promise<void> {
  if (policy === undefined) return
  if (typeof policy === 'function') {
    if ((await policy(event, { customerExternalId })) !== true) {
      throw refused('the policy function returned false')
    }
    return
  }
  if (policy.allow !== undefined) {
    const field = usageEventIdentifierFields.find((name) => event[name] !== undefined)
    const value = field && event[field]
    if (value === undefined || !policy.allow.includes(value)) {
      throw refused(`${field ?? 'identifier'} '${value ?? ''}' is not in usagePolicy.allow`)
    }
  }
  if (policy.maxAmount !== undefined && event.amount > policy.maxAmount) {
    throw refused(`amount ${event.amount} exceeds usagePolicy.maxAmount ${policy.maxAmount}`)
  }
}

function refused(reason: string): FlowgladError {
  return new FlowgladError('forbidden', `Usage policy refused the event: ${reason}`)
}
