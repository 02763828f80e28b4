import { FlowgladError } from '@flowglad/shared/core'
import type { UsageBatcherClient, UsageBatcherOptions } from './types.js'

export const DEFAULT_MAX_BATCH_SIZE = 500
export const DEFAULT_FLUSH_INTERVAL_MS = 1_000
export const DEFAULT_MAX_QUEUE_SIZE = 100_000
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 4
export const DEFAULT_WAIT_UNTIL_DEBOUNCE_MS = 20
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 30_000

export interface ResolvedBatcherOptions {
  client: UsageBatcherClient
  maxBatchSize: number
  flushIntervalMs: number
  maxQueueSize: number
  maxRetries: number
  maxConcurrentRequests: number
  waitUntilDebounceMs: number
  waitUntil: UsageBatcherOptions['waitUntil']
  onDelivered: UsageBatcherOptions['onDelivered']
  onError: UsageBatcherOptions['onError']
}

function invalid(message: string): FlowgladError {
  return new FlowgladError('validation_error', `createUsageBatcher: ${message}`)
}

function integerAtLeast(name: string, value: unknown, min: number, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalid(`${name} must be an integer ≥ ${min}`)
  }
  return value
}

function optionalFunction<T>(name: string, value: T | undefined): T | undefined {
  if (value !== undefined && typeof value !== 'function')
    throw invalid(`${name} must be a function`)
  return value
}

export function resolveBatcherOptions(options: UsageBatcherOptions): ResolvedBatcherOptions {
  if (typeof options !== 'object' || options === null) throw invalid('needs an options object')
  const { client } = options
  if (typeof client?.bulkCreateUsageEvents !== 'function') {
    throw invalid('`client` must be a FlowgladServerAdmin or a FlowgladServer')
  }
  const maxRetries =
    options.maxRetries === Number.POSITIVE_INFINITY
      ? options.maxRetries
      : integerAtLeast('maxRetries', options.maxRetries, 0, Number.POSITIVE_INFINITY)
  return {
    client,
    maxBatchSize: integerAtLeast('maxBatchSize', options.maxBatchSize, 1, DEFAULT_MAX_BATCH_SIZE),
    flushIntervalMs: integerAtLeast(
      'flushIntervalMs',
      options.flushIntervalMs,
      0,
      DEFAULT_FLUSH_INTERVAL_MS,
    ),
    maxQueueSize: integerAtLeast('maxQueueSize', options.maxQueueSize, 1, DEFAULT_MAX_QUEUE_SIZE),
    maxRetries,
    maxConcurrentRequests: integerAtLeast(
      'maxConcurrentRequests',
      options.maxConcurrentRequests,
      1,
      DEFAULT_MAX_CONCURRENT_REQUESTS,
    ),
    waitUntilDebounceMs: integerAtLeast(
      'waitUntilDebounceMs',
      options.waitUntilDebounceMs,
      0,
      DEFAULT_WAIT_UNTIL_DEBOUNCE_MS,
    ),
    waitUntil: optionalFunction('waitUntil', options.waitUntil),
    onDelivered: optionalFunction('onDelivered', options.onDelivered),
    onError: optionalFunction('onError', options.onError),
  }
}
