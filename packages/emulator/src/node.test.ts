import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
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

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/cli.js')

describe.runIf(existsSync(cli))('flowglad-emulator CLI (built)', () => {
  it('prints its URL, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [cli, '--port', '0', '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const match = /Flowglad emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
        if (match?.[1]) resolveUrl(match[1])
      })
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)))
    })
    const res = await fetch(`${url}/api/v1/pricing-models/default`, {
      headers: { authorization: KEY },
    })
    expect((await res.json()).pricingModel.name).toBe('Demo')
    const code = await new Promise<number | null>((done) => {
      child.once('exit', (exitCode) => done(exitCode))
      child.kill('SIGTERM')
    })
    expect(code).toBe(0)
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
    const child = spawn(process.execPath, [cli, '--port', '0', '--seed', good], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const match = /listening on (http:\/\/[^\s]+)/.exec(out)
        if (match?.[1]) resolveUrl(match[1])
      })
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)))
    })
    const res = await fetch(`${url}/api/v1/pricing-models/default`, {
      headers: { authorization: KEY },
    })
    expect((await res.json()).pricingModel.name).toBe('From file')
    await new Promise((done) => {
      child.once('exit', done)
      child.kill('SIGINT')
    })

    const bad = resolve(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ name: 'Bad', products: [] }))
    const failing = spawn(process.execPath, [cli, '--port', '0', '--seed', bad], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    failing.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const code = await new Promise<number | null>((done) => failing.once('exit', done))
    expect(code).toBe(1)
    expect(stderr).toMatch(/products/)
  })
})
