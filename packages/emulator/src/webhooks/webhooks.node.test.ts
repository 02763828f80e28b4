import { spawn } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../node.js'

const KEY = 'sk_test_webhooks'
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** A real HTTP endpoint on 127.0.0.1 that resolves `next()` with each request it receives. */
async function receiver() {
  const waiting: Array<(hit: { headers: IncomingHttpHeaders; body: string }) => void> = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      res.end('received')
      waiting.shift()?.({ headers: req.headers, body })
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  cleanups.push(() => new Promise<void>((done) => server.close(() => done())))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/flowglad`,
    next: () =>
      new Promise<{ headers: IncomingHttpHeaders; body: string }>((done) => waiting.push(done)),
  }
}

function signatureOk(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64')
  const signed = `${headers['svix-id']}.${headers['svix-timestamp']}.${body}`
  return (
    headers['svix-signature'] === `v1,${createHmac('sha256', key).update(signed).digest('base64')}`
  )
}

describe('webhooks over 127.0.0.1', () => {
  it('an endpoint registered over HTTP receives signed events from the Node server', async () => {
    const app = await receiver()
    const running = await startEmulator({ port: 0, secretKey: KEY })
    cleanups.push(() => running.close())
    const api = (path: string, body: unknown) =>
      fetch(`${running.url}/api/v1${path}`, {
        method: 'POST',
        headers: { authorization: KEY, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const pm = await (
      await fetch(`${running.url}/api/v1/pricing-models/default`, {
        headers: { authorization: KEY },
      })
    ).json()
    const created = await (
      await api('/webhooks', {
        webhook: {
          name: 'App',
          url: app.url,
          filterTypes: ['customer.created'],
          pricingModelId: pm.pricingModel.id,
        },
      })
    ).json()
    const hit = app.next()
    expect(
      (
        await api('/customers', {
          customer: { externalId: 'net', email: 'n@example.com', name: 'N' },
        })
      ).status,
    ).toBe(200)
    const { headers, body } = await hit
    expect(JSON.parse(body)).toMatchObject({
      type: 'customer.created',
      data: { customer: { externalId: 'net' } },
    })
    expect(signatureOk(created.secret, headers, body)).toBe(true)
  }, 30_000)
})

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/cli.js')

describe('flowglad-emulator --webhook-url (built CLI)', () => {
  it('is built', () => {
    expect(existsSync(cli), `${cli} missing: build the emulator first`).toBe(true)
  })

  it('registers the URL at start, prints the secret, and delivers with it', async () => {
    const app = await receiver()
    const secret = `whsec_${Buffer.from('a fixed secret for the cli test').toString('base64')}`
    const child = spawn(
      process.execPath,
      [cli, '--port', '0', '--key', KEY, '--webhook-url', app.url, '--webhook-secret', secret],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    cleanups.push(() => {
      child.kill('SIGTERM')
    })
    let out = ''
    const printed = new Promise<string>((done) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const url = /listening on (http:\/\/\S+)/.exec(out)?.[1]
        if (url && out.includes('Webhook signing secret:')) done(url)
      })
    })
    const url = await printed
    expect(out).toContain(`Webhook signing secret: ${secret}`)
    expect(out).toContain(`every event goes to ${app.url}`)
    const hit = app.next()
    await fetch(`${url}/api/v1/customers`, {
      method: 'POST',
      headers: { authorization: KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { externalId: 'cli', email: 'c@example.com', name: 'C' } }),
    })
    const { headers, body } = await hit
    expect(signatureOk(secret, headers, body)).toBe(true)
  }, 30_000)

  it('refuses a --webhook-url that is not http(s)', async () => {
    const child = spawn(process.execPath, [cli, '--port', '0', '--webhook-url', 'ftp://x'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const code = await new Promise<number | null>((done) => child.once('exit', done))
    expect(code).toBe(1)
    expect(stderr).toContain('Invalid --webhook-url ftp://x')
  }, 30_000)
})

describe('closing the Node server', () => {
  it('cancels webhook retries: a closed emulator sends nothing more', async () => {
    const sent: string[] = []
    let firstAttempt: () => void = () => {}
    const attempted = new Promise<void>((done) => {
      firstAttempt = done
    })
    const running = await startEmulator({
      port: 0,
      secretKey: KEY,
      webhooks: {
        // The endpoint always fails, so every attempt schedules a retry 50 ms later.
        fetch: async (request) => {
          sent.push((await request.json()).type)
          firstAttempt()
          return new Response('down', { status: 500 })
        },
        retryDelaysMs: [50, 50, 50],
      },
    })
    running.emulator.webhooks.register({ url: 'http://127.0.0.1:9/hooks' })
    const created = await running.emulator.fetch(
      new Request('http://emulator.local/api/v1/customers', {
        method: 'POST',
        headers: { authorization: KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ customer: { externalId: 'closing', email: 'c@x.io', name: 'C' } }),
      }),
    )
    expect(created.ok).toBe(true)
    await attempted
    await running.close()
    const afterClose = sent.length
    // Events after close are not sent either.
    running.emulator.clock.advance(40 * 86_400_000)
    await running.emulator.webhooks.idle()
    // Several retry delays: without the fix, the pending retries would have fired by now.
    await new Promise((done) => setTimeout(done, 300))
    expect(afterClose).toBeGreaterThan(0)
    expect(sent.length).toBe(afterClose)
  })
})
