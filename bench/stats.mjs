// Tiny statistics and timing helpers shared by the sections. Every number the bench reports is
// the median of repeated runs, so one slow outlier (GC, the other core busy) does not move it.
import { performance } from 'node:perf_hooks'

export function median(values) {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Runs `fn` `times` times in sequence and returns each run's result. */
export async function repeat(times, fn) {
  const samples = []
  for (let index = 0; index < times; index++) samples.push(await fn(index))
  return samples
}

/** Milliseconds `fn` took (wall clock) together with its result. */
export async function timed(fn) {
  const start = performance.now()
  const value = await fn()
  return { ms: performance.now() - start, value }
}

/** The median of a numeric field over samples, keeping the raw samples for results.json. */
export function summarize(samples, pick = (sample) => sample) {
  const values = samples.map(pick)
  return { median: median(values), runs: values.length, samples: values }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Who goes first in run `index`: alternating, so drifting load and warm-up favour neither. */
export const turnOrder = (index) => (index % 2 === 0 ? ['ours', 'upstream'] : ['upstream', 'ours'])
