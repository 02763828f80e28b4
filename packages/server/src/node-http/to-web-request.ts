import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'

/** A Node request as Express and Next's Pages Router hand it over (maybe with a parsed body). */
export type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string }

const bodylessMethods = new Set(['GET', 'HEAD'])
// The body is re-encoded, so these no longer describe it.
const droppedHeaders = new Set(['content-length', 'transfer-encoding', 'connection'])

/**
 * Node `IncomingMessage` → Web `Request`. When a framework already consumed the stream
 * (Express `express.json()`, Next's Pages body parser) its parsed `req.body` is re-serialised;
 * otherwise the raw bytes are read from the stream.
 */
export async function toWebRequest(req: NodeRequest): Promise<Request> {
  const method = (req.method ?? 'GET').toUpperCase()
  const url = `${protocolOf(req)}://${req.headers.host ?? 'localhost'}${req.originalUrl ?? req.url ?? '/'}`
  const headers = toHeaders(req.headers)
  const body = bodylessMethods.has(method) ? undefined : await readBody(req)
  return new Request(url, { method, headers, body })
}

function protocolOf(req: IncomingMessage): 'http' | 'https' {
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true
  return encrypted ? 'https' : 'http'
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || droppedHeaders.has(name.toLowerCase())) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  return headers
}

async function readBody(req: NodeRequest): Promise<BodyInit | undefined> {
  if (!req.readableEnded && !req.destroyed) {
    const raw = await readStream(req)
    if (raw.byteLength > 0 || req.body === undefined) return raw
  }
  return serialiseParsedBody(req.body)
}

function serialiseParsedBody(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return new Uint8Array(body)
  return JSON.stringify(body)
}

async function readStream(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = []
  for await (const chunk of req) {
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array))
  }
  return new Uint8Array(Buffer.concat(chunks))
}
