import { describeFailure } from './describe-failure.js'

/** Why a Flowglad-checked tool did not run. */
export type FlowgladToolRefusalReason =
  | 'feature_access_denied'
  | 'upgrade_price_not_found'
  | 'insufficient_usage_balance'
  | 'flowglad_server_missing'
  | 'flowglad_error'

/** The machine-readable half of a refusal, sent as `structuredContent.flowgladRefusal`. */
export interface FlowgladToolRefusal {
  reason: FlowgladToolRefusalReason
  message: string
  /** A catalogue code when Flowglad itself failed (`reason: 'flowglad_error'`). */
  code?: string
  featureSlug?: string
  upgradePriceSlug?: string
  checkoutUrl?: string
  usageMeterSlug?: string
  availableBalance?: number
  minimumBalance?: number
}

/**
 * An MCP tool result (spec 2025-06-18 `CallToolResult`): text for the model, the same facts as
 * `structuredContent` for programs, and `isError` so clients show it as the tool's failure.
 */
export interface FlowgladToolRefusalResult {
  [key: string]: unknown
  content: [{ type: 'text'; text: string }]
  structuredContent: { flowgladRefusal: FlowgladToolRefusal }
  isError: true
}

export function refusalResult(refusal: FlowgladToolRefusal): FlowgladToolRefusalResult {
  return {
    content: [{ type: 'text', text: refusal.message }],
    structuredContent: { flowgladRefusal: refusal },
    isError: true,
  }
}

/** A failed Flowglad call as a refusal (see `describeFailure` for what the caller learns). */
export function flowgladFailureResult(what: string, error: unknown): FlowgladToolRefusalResult {
  const { code, detail } = describeFailure(error)
  return refusalResult({
    reason: 'flowglad_error',
    code,
    message: `Could not ${what}: Flowglad failed (${code}): ${detail}.`,
  })
}
