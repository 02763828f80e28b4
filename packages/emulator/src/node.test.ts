import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, launch, runToExit } from '../test/cli.js'
import { startEmulator } from './node.js'

const KEY = 'sk_test_node'

describe('startEmulator', () => {
  it('serves the API over HTTP with port 0 and closes cleanly', async () => {
    const running = await startEmulator({ port: 0 })
    try {
      const res = await fetch(`${running.url}/api/v1/customers`, {
        method: 'POST',
        headers: { authorization: KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ customer: { externalId: 'h1', email: 'h@x.com', name: 'H' } }),
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9A-Za-z]{8}$/)
      expect((await res.json()).data.customer.externalId).toBe('h1')
      const notFound = await fetch(`${running.url}/elsewhere`, { headers: { authorization: KEY } })
      expect(notFound.status).toBe(404)
      expect(await notFound.text()).toBe('Not Found')
      expect(running.emulator.state.tables.customers.size).toBe(1)
    } finally {
      await running.close()
    }
    await expect(fetch(`${running.url}/api/v1/usage-meters`)).rejects.toThrow()
  })
})

// Every test spawns the CLI, some several times: a generous timeout for a busy machine.
describe('flowglad-emulator CLI (built)', { timeout: 30_000 }, () => {
  it('is built (the test command builds first)', () => {
    if (!existsSync(cli)) {
      throw new Error(
        `${cli} is missing: build first with \`pnpm --filter @flowglad/emulator build\``,
      )
    }
  })

  it('prints its URL, serves, and exits 0 on SIGTERM', async () => {
    const run = launch(['--port', '0', '--host', '127.0.0.1'])
    const url = await run.url
    expect(run.output()).toMatch(/^Flowglad emulator listening on http:\/\/127\.0\.0\.1:\d+$/m)
    const res = await fetch(`${url}/api/v1/pricing-models/default`, {
      headers: { authorization: KEY },
    })
    expect((await res.json()).pricingModel.name).toBe('Demo')
    expect(await run.stop('SIGTERM')).toBe(0)
  })

  it('loads --seed and refuses an invalid seed file', async () => {
    const dir = mkdtempSync(resolve(tmpdir(), 'flowglad-seed-'))
    const good = resolve(dir, 'good.json')
    writeFileSync(
      good,
      JSON.stringify({
        name: 'From file',
        products: [
          {
            slug: 'free',
            name: 'Free',
            default: true,
            prices: [{ type: 'subscription', slug: 'free', unitPrice: 0 }],
          },
        ],
      }),
    )
    const run = launch(['--port', '0', '--seed', good])
    const res = await fetch(`${await run.url}/api/v1/pricing-models/default`, {
      headers: { authorization: KEY },
    })
    expect((await res.json()).pricingModel.name).toBe('From file')
    expect(await run.stop('SIGINT')).toBe(0)

    const bad = resolve(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ name: 'Bad', products: [] }))
    const failing = await runToExit(['--port', '0', '--seed', bad])
    expect(failing.code).toBe(1)
    expect(failing.stderr).toMatch(/products/)
  })

  it('--state loads the file at start and writes it on exit', async () => {
    const dir = mkdtempSync(resolve(tmpdir(), 'flowglad-state-'))
    const file = resolve(dir, 'state.json')
    const first = launch(['--port', '0', '--state', file])
    const url = await first.url
    const created = await fetch(`${url}/api/v1/customers`, {
      method: 'POST',
      headers: { authorization: KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { externalId: 'kept', email: 'k@x.com', name: 'K' } }),
    })
    expect(created.status).toBe(200)
    await fetch(`${url}/_emulator/clock`, {
      method: 'POST',
      headers: { authorization: KEY },
      body: JSON.stringify({ advanceMs: 40 * 86_400_000 }),
    })
    expect(await first.stop('SIGTERM')).toBe(0)
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    expect(saved.tables.customers).toHaveLength(1)
    expect(saved.tables.invoices).toHaveLength(1)

    const second = launch(['--port', '0', '--state', file])
    const url2 = await second.url
    expect(second.output()).toContain(`Loaded state from ${file}`)
    const kept = await fetch(`${url2}/api/v1/customers/kept/billing`, {
      headers: { authorization: KEY },
    })
    const billing = await kept.json()
    expect(billing.customer.externalId).toBe('kept')
    expect(billing.invoices).toHaveLength(1)
    // The clock resumed where it was (40 days ahead), not back at the wall clock.
    const clock = await (
      await fetch(`${url2}/_emulator/clock`, { headers: { authorization: KEY } })
    ).json()
    expect(clock.now).toBeGreaterThanOrEqual(saved.now)
    expect(await second.stop('SIGINT')).toBe(0)
    // Nothing changed in between: the file written on the second exit holds the same data.
    const resaved = JSON.parse(readFileSync(file, 'utf8'))
    expect(JSON.stringify(resaved.tables)).toBe(JSON.stringify(saved.tables))
    expect(resaved.organizationId).toBe(saved.organizationId)
    expect(existsSync(`${file}.tmp`)).toBe(false)

    // A file that is not a snapshot stops the CLI with exit 1 and a one-line reason.
    writeFileSync(file, JSON.stringify({ version: 99 }))
    expect(await runToExit(['--port', '0', '--state', file])).toEqual({
      code: 1,
      stderr: expect.stringMatching(/^flowglad-emulator: .*version/),
    })
    writeFileSync(file, '{ not json')
    expect(await runToExit(['--port', '0', '--state', file])).toEqual({
      code: 1,
      stderr: expect.stringContaining(`flowglad-emulator: Invalid --state ${file}: `),
    })
  })

  it('--fault-rate / --fault-seed fail API requests reproducibly', async () => {
    async function run(): Promise<number[]> {
      const cliRun = launch(['--port', '0', '--fault-rate', '0.5', '--fault-seed', '7'])
      const url = await cliRun.url
      const statuses: number[] = []
      for (let i = 0; i < 30; i++) {
        statuses.push(
          await fetch(`${url}/api/v1/usage-meters`, { headers: { authorization: KEY } }).then(
            async (r) => await r.text().then(() => r.status),
            () => 0,
          ),
        )
      }
      await cliRun.stop('SIGTERM')
      return statuses
    }
    const a = await run()
    const b = await run()
    expect(a).toEqual(b)
    expect(a.filter((s) => s !== 200).length).toBeGreaterThan(5)
    const bad = await runToExit(['--fault-rate', '2'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/Invalid --fault-rate/)
  })
})
