// The zod-free server entry (`@flowglad/shared/core`): everything in ./browser plus the schemas
// as compiled validators. `@flowglad/server` imports only this, so loading it never loads zod.

// Types only (erased): the action table's types come from the zod schemas.
export type {
  FlowgladAction,
  FlowgladActionInput,
  FlowgladActionParams,
  FlowgladActionTable,
  FlowgladActionValidatorMap,
} from './action-table.js'
export * from './browser.js'
// Every exported zod schema, under its own name, as a compiled validator (same safeParse/parse
// results and issues), plus `compiledActionSchemas` (action key → input validator).
export * from './generated/compiled-schemas.js'
export {
  type UsagePropertiesProblem,
  usagePropertiesLimits,
  validateUsageProperties,
} from './schemas/usage-properties-check.js'
export {
  type ParsedOutput,
  parseOrThrow,
  type SafeParser,
  type ValidationIssue,
  zodIssuesToValidationError,
} from './validation.js'
export type { CompiledSchema, CompiledSchemaOf } from './validators/compiled-schemas.js'
export {
  FLOWGLAD_WEBHOOK_EVENT_TYPES,
  type FlowgladWebhookEventType,
} from './webhook-event-types.js'
