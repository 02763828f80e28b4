import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Web `Response` → Node `ServerResponse`: status, headers, then the whole body. If the
 * request body was not read to its end (an early 401, a 413 at the limit), the answer says
 * `Connection: close`, so Node closes the socket after it instead of draining the upload.
 */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status
  response.headers.forEach((value, name) => {
    res.setHeader(name, value)
  })
  const body = new Uint8Array(await response.arrayBuffer())
  if (leavesBodyUnread(res.req)) res.setHeader('connection', 'close')
  res.end(body)
}

/** HTTP/1 only: HTTP/2 forbids the Connection header and ends the stream by itself. */
function leavesBodyUnread(req: IncomingMessage | undefined): boolean {
  if (req === undefined || req.httpVersionMajor !== 1) return false
  return !req.complete && !req.destroyed
}
