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
  const url = urlOf(req)
  const headers = toHeaders(req.headers)
  const body = bodylessMethods.has(method) ? undefined : await readBody(req)
  return new Request(url, { method, headers, body })
}

// An HTTP Host header: a DNS name or IPv4 address, or a bracketed IPv6 address, maybe a port.
const validHost = /^(?:[a-z0-9._~-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/**
 * The absolute URL of the request. Node does not validate `Host`: one that is not a host name
 * (spaces, `user@`, a path, port 99999) would make `new Request` throw, so it becomes
 * `localhost` and the request still gets an envelope answer. The raw header stays in the
 * headers for the CSRF guard to judge.
 */
function urlOf(req: NodeRequest): string {
  const target = req.originalUrl ?? req.url ?? '/'
  const path = target.startsWith('/') ? target : `/${target}`
  const host = req.headers.host
  if (host !== undefined && validHost.test(host)) {
    const url = `${protocolOf(req)}://${host}${path}`
    if (URL.canParse(url)) return url
  }
  return `${protocolOf(req)}://localhost${path}`
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
