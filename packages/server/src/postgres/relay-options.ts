import { FlowgladError } from '@flowglad/shared/core'
import {
  DEFAULT_FLUSH_INTERVAL_MS,
  DEFAULT_MAX_BATCH_SIZE,
  DEFAULT_MAX_CONCURRENT_REQUESTS,
} from '../batcher/options.js'
import type { UsageOutboxRelayOptions } from './types.js'

export const DEFAULT_LEASE_MS = 60_000
export const MIN_LEASE_MS = 100
/** An idle relay polls at most this often: a smaller interval (a batcher-style 0) is raised to it, so it never spins on the database. */
export const MIN_POLL_INTERVAL_MS = 10

export type ResolvedRelayOptions = Required<
  Omit<UsageOutboxRelayOptions, 'onDelivered' | 'onError' | 'onDatabaseError' | 'flushIntervalMs'>
> &
  Pick<UsageOutboxRelayOptions, 'onDelivered' | 'onError' | 'onDatabaseError'>

function invalid(message: string): FlowgladError {
  return new FlowgladError('validation_error', `startRelay: ${message}`)
}

function integer(name: string, value: unknown, min: number, fallback: number): number {
  if (value === undefined) return fallback
  if (value === Number.POSITIVE_INFINITY && name === 'maxRetries') return value
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalid(`${name} must be an integer ≥ ${min}`)
  }
  return value
}

function callback<T>(name: string, value: T | undefined): T | undefined {
  if (value !== undefined && typeof value !== 'function')
    throw invalid(`${name} must be a function`)
  return value
}

export function resolveRelayOptions(options: UsageOutboxRelayOptions): ResolvedRelayOptions {
  if (typeof options !== 'object' || options === null) throw invalid('needs an options object')
  if (typeof options.client?.bulkCreateUsageEvents !== 'function') {
    throw invalid('`client` must be a FlowgladServerAdmin or a FlowgladServer')
  }
  if (options.keepDelivered !== undefined && typeof options.keepDelivered !== 'boolean') {
    throw invalid('keepDelivered must be a boolean')
  }
  return {
    client: options.client,
    maxBatchSize: integer('maxBatchSize', options.maxBatchSize, 1, DEFAULT_MAX_BATCH_SIZE),
    maxConcurrentRequests: integer(
      'maxConcurrentRequests',
      options.maxConcurrentRequests,
      1,
      DEFAULT_MAX_CONCURRENT_REQUESTS,
    ),
    pollIntervalMs: Math.max(
      MIN_POLL_INTERVAL_MS,
      integer(
        'pollIntervalMs',
        options.pollIntervalMs ?? options.flushIntervalMs,
        0,
        DEFAULT_FLUSH_INTERVAL_MS,
      ),
    ),
    leaseMs: integer('leaseMs', options.leaseMs, MIN_LEASE_MS, DEFAULT_LEASE_MS),
    maxRetries: integer('maxRetries', options.maxRetries, 0, Number.POSITIVE_INFINITY),
    keepDelivered: options.keepDelivered ?? true,
    onDelivered: callback('onDelivered', options.onDelivered),
    onError: callback('onError', options.onError),
    onDatabaseError: callback('onDatabaseError', options.onDatabaseError),
  }
}
