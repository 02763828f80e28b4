import type { IncomingMessage } from 'node:http'
import { declaredBodyLength, resolveMaxBodyBytes } from '../handler/read-json-body.js'
import { nodeBodyStream } from './node-body-stream.js'

/** A Node request as Express and Next's Pages Router hand it over (maybe with a parsed body). */
export type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string }

export interface ToWebRequestOptions {
  /**
   * Largest body the returned Request's stream yields, in bytes (default 1,048,576 = 1 MiB;
   * `Infinity` for none); past it the stream errors with 413 `payload_too_large`.
   */
  maxBodyBytes?: number
}

const bodylessMethods = new Set(['GET', 'HEAD'])

/**
 * Node `IncomingMessage` → Web `Request`, without reading the body: the Request streams it
 * from the socket when (and if) it is read, at most `maxBodyBytes`, so the route handler can
 * resolve the customer first. When a framework already consumed the stream (Express
 * `express.json()`, Next's Pages body parser) its parsed `req.body` is re-serialised.
 */
export async function toWebRequest(
  req: NodeRequest,
  options: ToWebRequestOptions = {},
): Promise<Request> {
  const method = (req.method ?? 'GET').toUpperCase()
  const url = urlOf(req)
  const maxBodyBytes = resolveMaxBodyBytes(options.maxBodyBytes)
  if (bodylessMethods.has(method)) return new Request(url, { method, headers: toHeaders(req) })
  const body = hasUnreadBody(req)
    ? nodeBodyStream(req, maxBodyBytes)
    : serialiseParsedBody(req.body)
  // `duplex` is what Node's fetch needs for a streamed body.
  const init = { method, headers: toHeaders(req), body, duplex: 'half' }
  return new Request(url, init as RequestInit)
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

// The body is re-streamed or re-encoded, so these no longer describe it (the Node stream
// itself enforces a declared Content-Length against the limit).
const droppedHeaders = new Set(['content-length', 'transfer-encoding', 'connection'])

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || droppedHeaders.has(name.toLowerCase())) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  return headers
}

/**
 * The stream still holds the body: nobody consumed it, and the headers say there is one
 * (HTTP/1.1 has a body only with Content-Length > 0 or Transfer-Encoding).
 */
function hasUnreadBody(req: IncomingMessage): boolean {
  if (req.readableEnded || req.destroyed || req.readableDidRead) return false
  const length = declaredBodyLength(req.headers['content-length'])
  return (length !== undefined && length > 0) || req.headers['transfer-encoding'] !== undefined
}

function serialiseParsedBody(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return new Uint8Array(body)
  return JSON.stringify(body)
}
