import type { IncomingMessage } from 'node:http'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { describeBodyLimit } from '../../test/handler/body-limit-cases.js'
import { createFakeFlowglad } from '../../test/handler/fake-flowglad.js'
import { listen } from '../../test/handler/listen.js'
import { probeBodies } from '../../test/handler/upload.js'
import { createFlowgladHandler } from '../handler/create-flowglad-handler.js'
import { sendWebResponse, toWebRequest } from './index.js'

const servers: { close: () => Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

describe('node http ↔ Web conversion', () => {
  it('turns a raw Node request into an equivalent Web Request and back', async () => {
    const seen: { method: string; url: string; body: string; headers: Record<string, string> }[] =
      []
    const server = await listen(async (req, res) => {
      const request = await toWebRequest(req)
      seen.push({
        method: request.method,
        url: request.url,
        body: await request.text(),
        headers: Object.fromEntries(request.headers),
      })
      await sendWebResponse(
        res,
        new Response('{"ok":true}', {
          status: 201,
          headers: { 'content-type': 'application/json', 'x-a': 'b' },
        }),
      )
    })
    servers.push(server)
    const response = await fetch(`${server.url}/api/flowglad/usage-events/create?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://example.test' },
      body: '{"usageMeterSlug":"ai_tokens"}',
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('x-a')).toBe('b')
    expect(await response.json()).toEqual({ ok: true })
    const host = new URL(server.url).host
    expect(seen).toEqual([
      {
        method: 'POST',
        url: `http://${host}/api/flowglad/usage-events/create?x=1`,
        body: '{"usageMeterSlug":"ai_tokens"}',
        headers: expect.objectContaining({
          'content-type': 'application/json',
          origin: 'http://example.test',
          host,
        }),
      },
    ])
    expect(seen[0]?.headers['content-length']).toBeUndefined()
  })

  it('re-serialises a body a framework already parsed (stream consumed)', async () => {
    const bodies: string[] = []
    const server = await listen(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString()) })
      bodies.push(await (await toWebRequest(req)).text())
      await sendWebResponse(res, new Response(null, { status: 204 }))
    })
    servers.push(server)
    const response = await fetch(server.url, { method: 'POST', body: '{ "a" : 1 }' })
    expect(response.status).toBe(204)
    expect(bodies).toEqual(['{"a":1}'])
  })

  it('prefers the raw stream when a parser left it unread (express.json on text/plain)', async () => {
    const bodies: string[] = []
    const server = await listen(async (req, res) => {
      Object.assign(req, { body: {} })
      bodies.push(await (await toWebRequest(req)).text())
      await sendWebResponse(res, new Response('done'))
    })
    servers.push(server)
    await fetch(server.url, { method: 'POST', body: 'plain text' })
    expect(bodies).toEqual(['plain text'])
  })

  it('gives GET requests no body', async () => {
    const bodies: (string | null)[] = []
    const server = await listen(async (req, res) => {
      const request = await toWebRequest(req)
      bodies.push(request.body === null ? null : await request.text())
      await sendWebResponse(res, new Response('x'))
    })
    servers.push(server)
    await fetch(server.url)
    expect(bodies).toEqual([null])
  })

  it.each([
    'a b',
    'user@app.test',
    '[::1',
    'app.test:99999',
    'app.test/extra',
  ])('survives a Host header that is no host name (%s): the URL falls back to localhost', async (host) => {
    const seen: { url: string; host: string | null }[] = []
    const server = await listen(async (req, res) => {
      const request = await toWebRequest(req)
      seen.push({ url: request.url, host: request.headers.get('host') })
      await sendWebResponse(res, new Response('ok'))
    })
    servers.push(server)
    const answer = await rawHttp(
      server.url,
      `POST /api/flowglad/customers/billing HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    )
    expect(answer.startsWith('HTTP/1.1 200')).toBe(true)
    expect(seen).toEqual([{ url: 'http://localhost/api/flowglad/customers/billing', host }])
  })

  it('keeps a valid Host with its port', async () => {
    const urls: string[] = []
    const server = await listen(async (req, res) => {
      urls.push((await toWebRequest(req)).url)
      await sendWebResponse(res, new Response('ok'))
    })
    servers.push(server)
    await rawHttp(
      server.url,
      'GET /api/flowglad/x HTTP/1.1\r\nHost: App.Test:8080\r\nConnection: close\r\n\r\n',
    )
    expect(urls).toEqual(['http://app.test:8080/api/flowglad/x'])
  })
})

// A plain Node server: toWebRequest → createFlowgladHandler → sendWebResponse.
describeBodyLimit('node-http', async ({ maxBodyBytes }) => {
  const { probes, watch } = probeBodies()
  const handler = createFlowgladHandler<IncomingMessage>({
    getCustomerExternalId: (req) => (req.headers['x-user'] as string | undefined) ?? null,
    flowglad: (id) => createFakeFlowglad(id),
    maxBodyBytes,
  })
  const server = await listen(async (req, res) => {
    watch(req, res)
    const request = await toWebRequest(req, { maxBodyBytes })
    await sendWebResponse(res, await handler(request, { source: req }))
  })
  servers.push(server)
  return { url: server.url, probes }
})

/** Sends raw bytes (headers fetch would refuse to send) and returns the raw answer. */
function rawHttp(serverUrl: string, text: string): Promise<string> {
  const { hostname, port } = new URL(serverUrl)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect(Number(port), hostname, () => socket.write(text))
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('end', () => resolve(Buffer.concat(chunks).toString()))
    socket.on('error', reject)
  })
}
