import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  stopBackgroundWork,
} from './emulator.js'
import { EmulatorConnectionReset } from './faults.js'

export interface StartEmulatorOptions extends EmulatorOptions {
  /** Port to listen on; 0 picks a free one. Default 4010. */
  port?: number
  /** Interface to bind. Default 127.0.0.1. */
  host?: string
}

export interface RunningEmulator {
  /** `http://HOST:PORT` with the real port. */
  url: string
  close(): Promise<void>
  emulator: Emulator
}

async function toRequest(
  req: IncomingMessage,
  origin: string,
  signal: AbortSignal,
): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (value !== undefined) headers.set(name, value)
  }
  const method = req.method ?? 'GET'
  let body: ArrayBuffer | undefined
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const joined = Buffer.concat(chunks)
    body = joined.buffer.slice(
      joined.byteOffset,
      joined.byteOffset + joined.byteLength,
    ) as ArrayBuffer
  }
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body, signal })
}

/** Resolves when the socket can take more, or is gone (then `drain` would never fire). */
function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

/** Writes the response, streaming its body chunk by chunk (a state snapshot can be huge). */
async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => {
    headers[key] = value
  })
  res.writeHead(response.status, headers)
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (res.destroyed) break
      if (!res.write(chunk)) await drainOrClose(res)
    }
  }
  res.end()
}

/** Serves an emulator over Node HTTP. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = 4010, host = '127.0.0.1', ...emulatorOptions } = options
  const emulator = createEmulator(emulatorOptions)
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? `${host}:${port}`}`
    // Aborted when the client goes away, so a `timeout` fault stops waiting.
    const aborter = new AbortController()
    res.once('close', () => {
      if (!res.writableFinished) aborter.abort()
    })
    toRequest(req, origin, aborter.signal)
      .then((request) => emulator.fetch(request, { remoteAddress: req.socket.remoteAddress }))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        if (error instanceof EmulatorConnectionReset || aborter.signal.aborted) {
          req.socket.destroy()
          return
        }
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(error instanceof Error ? error.message : 'Internal Server Error')
      })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${shownHost}:${address.port}`,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // A closed emulator sends nothing more: no webhook retry may fire after this.
        stopBackgroundWork(emulator)
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}

export type { Emulator, EmulatorOptions } from './emulator.js'
