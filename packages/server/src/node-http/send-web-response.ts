import type { ServerResponse } from 'node:http'

/** Web `Response` → Node `ServerResponse`: status, headers, then the whole body. */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status
  response.headers.forEach((value, name) => {
    res.setHeader(name, value)
  })
  const body = new Uint8Array(await response.arrayBuffer())
  res.end(body)
}
