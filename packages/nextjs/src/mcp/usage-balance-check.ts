import type { FlowgladServer } from '@flowglad/server'
import { FlowgladError } from '@flowglad/shared/core'
import { bindLaterToRequestFlowglad } from './request-flowglad.js'
import {
  type FlowgladToolRefusalResult,
  flowgladFailureResult,
  refusalResult,
} from './tool-results.js'

export interface UsageBalanceCheckOptions {
  /**
   * The customer's FlowgladServer. Leave it out inside `mcpHandlerWithFlowglad`: the tool is
   * then checked against the FlowgladServer of the request that calls it.
   */
  flowgladServer?: Pick<FlowgladServer, 'getBilling'>
  /** The balance the call needs (default 1: anything left). */
  minimumBalance?: number
  /** Gets every error Flowglad threw; the tool caller only sees a short message. */
  onError?: (error: unknown) => void
}

/**
 * Runs the tool only when the customer's current subscription has at least `minimumBalance`
 * left on the usage meter `usageMeterSlug`; otherwise answers a refusal. (Upstream 0.18's
 * helper of this name runs the tool unchecked.) Recording the usage stays the tool's job.
 */
export function toolWithUsageBalanceCheck<Args extends unknown[], Result>(
  toolCallback: (...args: Args) => Result | Promise<Result>,
  usageMeterSlug: string,
  options: UsageBalanceCheckOptions = {},
): (...args: Args) => Promise<Result | FlowgladToolRefusalResult> {
  const minimumBalance = options.minimumBalance ?? 1
  if (!Number.isFinite(minimumBalance) || minimumBalance < 0) {
    throw new FlowgladError(
      'validation_error',
      `toolWithUsageBalanceCheck: minimumBalance must be a finite number >= 0, got ${String(options.minimumBalance)}`,
    )
  }
  const checked = (flowgladServer: Pick<FlowgladServer, 'getBilling'> | undefined) => {
    return async (...args: Args): Promise<Result | FlowgladToolRefusalResult> => {
      if (flowgladServer === undefined) {
        return refusalResult({
          reason: 'flowglad_server_missing',
          usageMeterSlug,
          message: `toolWithUsageBalanceCheck('${usageMeterSlug}') has no FlowgladServer: register the tool inside mcpHandlerWithFlowglad, or pass { flowgladServer }.`,
        })
      }
      let availableBalance: number
      try {
        const billing = await flowgladServer.getBilling()
        availableBalance = billing.checkUsageBalance(usageMeterSlug)?.availableBalance ?? 0
      } catch (error) {
        options.onError?.(error)
        return flowgladFailureResult(`check the '${usageMeterSlug}' balance`, error)
      }
      if (availableBalance >= minimumBalance) return toolCallback(...args)
      return refusalResult({
        reason: 'insufficient_usage_balance',
        usageMeterSlug,
        availableBalance,
        minimumBalance,
        message: `Not enough '${usageMeterSlug}' balance for this tool: ${availableBalance} left, ${minimumBalance} needed. Top up or upgrade the plan, then call the tool again.`,
      })
    }
  }
  if (options.flowgladServer !== undefined) return checked(options.flowgladServer)
  return bindLaterToRequestFlowglad(checked(undefined), (flowglad) => checked(flowglad))
}
