import {
  type ClientCreateUsageEventParams,
  checkUsageEventIdentifier,
} from '@flowglad/shared/browser'
import type { BillingClient } from './billing-client.js'
import { USAGE_METERS_QUERY_KEY } from './query-keys.js'
import { type ErrorResult, errorResult } from './results.js'
import { createTransactionId } from './transaction-id.js'

export type CreateUsageEventResult = { usageEvent: { id: string } } | ErrorResult

const maxRetries = 2

/**
 * Records one usage event exactly once: the transactionId is fixed before the first attempt and
 * reused on every retry (network error or 5xx), so the API deduplicates a retried request whose
 * first answer was lost. Refreshes mounted usage-meter hooks (as upstream 0.18), not billing:
 * call `reload()` to see new balances there.
 */
export async function createUsageEvent(
  client: BillingClient,
  params: ClientCreateUsageEventParams,
): Promise<CreateUsageEventResult> {
  const problem = checkUsageEventIdentifier(params)
  if (problem) {
    return errorResult('validation_error', problem, {
      issues: [{ code: 'custom', path: [], message: problem }],
    })
  }
  const input = { ...params, transactionId: params.transactionId ?? createTransactionId() }
  for (let attempt = 0; ; attempt++) {
    const { status, result } = await client.send<{ usageEvent?: { id?: unknown } }>(
      'usage-events/create',
      input,
    )
    if ((status === 0 || status >= 500) && attempt < maxRetries) {
      await new Promise((resolve) => setTimeout(resolve, client.retryDelayMs * 2 ** attempt))
      continue
    }
    if ('error' in result) return result
    const id = result.data?.usageEvent?.id
    if (typeof id !== 'string') {
      return errorResult('invalid_response', 'The response carries no usageEvent.id')
    }
    client.invalidate(USAGE_METERS_QUERY_KEY)
    return { usageEvent: { id } }
  }
}
