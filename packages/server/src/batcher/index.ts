export { RETRY_BASE_MS, RETRY_CAP_MS } from './backoff.js'
export { UsageFlushError } from './flush-error.js'
export {
  DEFAULT_FLUSH_INTERVAL_MS,
  DEFAULT_MAX_BATCH_SIZE,
  DEFAULT_MAX_CONCURRENT_REQUESTS,
  DEFAULT_MAX_QUEUE_SIZE,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  DEFAULT_WAIT_UNTIL_DEBOUNCE_MS,
} from './options.js'
export type {
  TrackedUsageEventInput,
  UsageBatcher,
  UsageBatcherCallOptions,
  UsageBatcherClient,
  UsageBatcherCounts,
  UsageBatcherOptions,
  UsageFailure,
  UsageFlushResult,
  UsageReceipt,
} from './types.js'
export { createUsageBatcher } from './usage-batcher.js'
