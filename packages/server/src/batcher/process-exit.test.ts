import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

// The built ESM entry, as an app would load it (run `pnpm --filter @flowglad/server build` first).
const distEntry = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

interface ChildResult {
  code: number | null
  killed: boolean
  stdout: string
  stderr: string
}

/** Runs an ES module in a fresh `node`; kills it if it has not exited on its own after 10 s. */
function runNode(body: string): Promise<ChildResult> {
  const script = `import { createUsageBatcher } from ${JSON.stringify(pathToFileURL(distEntry).href)}
const created = (events) => events.map((e) => ({ id: 'usage_event_' + e.transactionId, transactionId: e.transactionId }))
${body}`
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    let killed = false
    const guard = setTimeout(() => {
      killed = true
      child.kill('SIGKILL')
    }, 10_000)
    child.on('exit', (code) => {
      clearTimeout(guard)
      resolve({ code, killed, stdout: stdout.trim(), stderr })
    })
  })
}

describe('the batcher and the Node process lifetime (built dist)', () => {
  it('dist is built', () => {
    expect(existsSync(distEntry), `missing ${distEntry}: build @flowglad/server first`).toBe(true)
  })

  it('an idle batcher lets the process exit on its own', async () => {
    const result = await runNode(`
const batcher = createUsageBatcher({ client: { bulkCreateUsageEvents: async () => ({ usageEvents: [] }) } })
console.log('created', batcher.size)`)
    expect(result).toMatchObject({ killed: false, code: 0, stdout: 'created 0' })
  }, 15_000)

  it('queued events and a long flush interval do not hold the process open either', async () => {
    const result = await runNode(`
const batcher = createUsageBatcher({
  client: { bulkCreateUsageEvents: async () => ({ usageEvents: [] }) },
  flushIntervalMs: 3_600_000,
})
batcher.track({ subscriptionId: 'sub_1', usageMeterSlug: 'api_calls' })
console.log('queued', batcher.size)`)
    expect(result).toMatchObject({ killed: false, code: 0, stdout: 'queued 1' })
  }, 15_000)

  it('await flush() holds the process open through a retry backoff until delivered', async () => {
    const result = await runNode(`
let calls = 0
const client = {
  async bulkCreateUsageEvents({ usageEvents }) {
    calls += 1
    if (calls === 1) throw new TypeError('fetch failed')
    return { usageEvents: created(usageEvents) }
  },
}
const batcher = createUsageBatcher({ client, flushIntervalMs: 3_600_000 })
for (let i = 0; i < 5; i++) batcher.track({ subscriptionId: 'sub_1', usageMeterSlug: 'api_calls' })
const flushed = await batcher.flush()
console.log(JSON.stringify({ calls, ...flushed }))`)
    expect(result).toMatchObject({ killed: false, code: 0 })
    expect(JSON.parse(result.stdout)).toEqual({ calls: 2, delivered: 5 })
  }, 15_000)

  it('shutdown() flushes what is queued, then the process exits', async () => {
    const result = await runNode(`
const client = {
  bulkCreateUsageEvents: ({ usageEvents }) =>
    new Promise((resolve) => setTimeout(() => resolve({ usageEvents: created(usageEvents) }), 50)),
}
const batcher = createUsageBatcher({ client, flushIntervalMs: 3_600_000, maxBatchSize: 2 })
for (let i = 0; i < 5; i++) batcher.track({ subscriptionId: 'sub_1', usageMeterSlug: 'api_calls' })
const counts = await batcher.shutdown({ timeoutMs: 8_000 })
console.log(JSON.stringify(counts))`)
    expect(result).toMatchObject({ killed: false, code: 0 })
    expect(JSON.parse(result.stdout)).toEqual({
      tracked: 5,
      delivered: 5,
      created: 5,
      duplicates: 0,
      failed: 0,
      pending: 0,
    })
  }, 15_000)
})
