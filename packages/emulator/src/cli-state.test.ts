import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { launch } from '../test/cli.js'

const KEY = 'sk_test_cli_state'

async function post(url: string, path: string, body: string) {
  const res = await fetch(`${url}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: KEY, 'content-type': 'application/json' },
    body,
  })
  return { status: res.status, body: await res.json() }
}

const stateFile = () => resolve(mkdtempSync(resolve(tmpdir(), 'flowglad-cli-state-')), 'state.json')

// Each test starts the CLI one or two times: a generous timeout for a busy machine.
describe('flowglad-emulator --state (built CLI)', { timeout: 30_000 }, () => {
  it('a request with 5,000-deep properties is refused, and the state is still saved on SIGTERM', async () => {
    const file = stateFile()
    const run = launch(['--port', '0', '--state', file])
    const url = await run.url
    const created = await post(
      url,
      '/customers',
      JSON.stringify({ customer: { externalId: 'c1', email: 'c@x.com', name: 'C' } }),
    )
    const subscriptionId = created.body.data.subscription.id
    const event = (transactionId: string, properties: string) =>
      `{"usageEvent":{"subscriptionId":"${subscriptionId}","amount":1,"transactionId":"${transactionId}","usageMeterSlug":"active_users","properties":${properties}}}`
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`
    expect((await post(url, '/usage-events', event('deep', deep))).status).toBe(400)
    expect((await post(url, '/usage-events', event('fine', '{"user":"u1"}'))).status).toBe(200)
    const dashboard = await fetch(`${url}/`)
    expect(dashboard.status).toBe(200)
    expect(await run.stop('SIGTERM')).toBe(0)
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    expect(saved.tables.usageEvents.map((e: { transactionId: string }) => e.transactionId)).toEqual(
      ['fine'],
    )
  })

  it('a save that fails reports why, exits 1 and leaves the previous file as it was', async () => {
    const file = stateFile()
    const first = launch(['--port', '0', '--state', file])
    await first.url
    expect(await first.stop('SIGTERM')).toBe(0)
    const previous = readFileSync(file, 'utf8')
    const second = launch(['--port', '0', '--state', file])
    const url = await second.url
    await post(
      url,
      '/customers',
      JSON.stringify({ customer: { externalId: 'c2', email: 'c@x.com', name: 'C' } }),
    )
    // The temporary file cannot be created: a directory is in its way.
    mkdirSync(`${file}.tmp`)
    writeFileSync(resolve(`${file}.tmp`, 'keep-me'), 'x')
    expect(await second.stop('SIGTERM')).toBe(1)
    expect(second.errors()).toMatch(
      /^flowglad-emulator: could not save state to .*state\.json \(the previous file, if any, is unchanged\): .*EISDIR/m,
    )
    expect(readFileSync(file, 'utf8')).toBe(previous)
    expect(readFileSync(resolve(`${file}.tmp`, 'keep-me'), 'utf8')).toBe('x')
  })
})
