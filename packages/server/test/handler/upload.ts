import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'

export interface UploadAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: { error?: { code: string; json: { message: string } } | null; data?: unknown }
}

export interface UploadOptions {
  /** The body: exact bytes, or a number of bytes of JSON whitespace made on the fly. */
  body: Uint8Array | string | number
  /** false: chunked (no Content-Length), as a streaming client sends it. */
  contentLength: boolean
  headers?: Record<string, string>
}

const chunkBytes = 64 * 1024

/**
 * POSTs a body over real HTTP with backpressure, and resolves as soon as the answer is in, even
 * when the server answers early and closes the connection on the rest of the upload.
 */
export function upload(url: string, options: UploadOptions): Promise<UploadAnswer> {
  const total =
    typeof options.body === 'number'
      ? options.body
      : typeof options.body === 'string'
        ? Buffer.byteLength(options.body)
        : options.body.byteLength
  const bytes =
    typeof options.body === 'number' ? undefined : Buffer.from(options.body as Uint8Array)
  const spaces = Buffer.alloc(chunkBytes, 0x20)
  const headers: Record<string, string | number> = { ...options.headers }
  if (options.contentLength) headers['content-length'] = total
  return new Promise((resolve, reject) => {
    let answered = false
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      answered = true
      const parts: Buffer[] = []
      res.on('data', (part: Buffer) => parts.push(part))
      res.on('end', () => {
        const text = Buffer.concat(parts).toString()
        const body = text === '' ? {} : JSON.parse(text)
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body })
      })
      res.on('error', reject)
    })
    // Writing into a socket the server closed after answering is expected here.
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    let sent = 0
    const writeMore = () => {
      while (sent < total && !req.destroyed) {
        const size = Math.min(chunkBytes, total - sent)
        const chunk = bytes ? bytes.subarray(sent, sent + size) : spaces.subarray(0, size)
        sent += size
        if (!req.write(chunk)) {
          req.once('drain', writeMore)
          return
        }
      }
      if (!req.destroyed) req.end()
    }
    writeMore()
  })
}

/** How much of a request body the server had taken off the wire when its answer went out. */
export interface BodyProbe {
  /** The whole body had arrived. */
  complete: boolean
  /** Bytes the server read from the socket (headers included). */
  bytesRead: number
}

/** Records a BodyProbe for every answer of a server; call it first in the listener. */
export function probeBodies(): {
  probes: BodyProbe[]
  watch: (req: IncomingMessage, res: ServerResponse) => void
} {
  const probes: BodyProbe[] = []
  const watch = (req: IncomingMessage, res: ServerResponse) => {
    // Before `end` runs: that is the moment the answer is decided and the body left as it is.
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
    res.end = ((...args: unknown[]) => {
      probes.push({ complete: req.complete, bytesRead: req.socket.bytesRead })
      return end(...args)
    }) as ServerResponse['end']
  }
  return { probes, watch }
}

/** A JSON body of exactly `bytes` UTF-8 bytes with far fewer characters (two-byte `é`s). */
export function multibyteJson(bytes: number): string {
  const frame = '{"x":""}'
  const room = bytes - frame.length
  const text = 'é'.repeat(Math.floor(room / 2)) + (room % 2 === 1 ? 'a' : '')
  return `{"x":"${text}"}`
}

/** `{}` padded with spaces to exactly `bytes` bytes: valid JSON for any action. */
export function paddedEmptyJson(bytes: number): string {
  return `{}${' '.repeat(bytes - 2)}`
}

export const MiB = 1_048_576
