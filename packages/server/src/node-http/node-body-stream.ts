import type { IncomingMessage } from 'node:http'
import { declaredBodyLength, payloadTooLarge } from '../handler/read-json-body.js'

/**
 * A Node request body as a Web stream that reads nothing until someone reads it, and stops at
 * `maxBodyBytes`: over a declared Content-Length it errors before the first byte is read; on a
 * chunked body it errors with 413 `payload_too_large` as soon as the count passes the limit.
 * The unread rest stays on the socket; `sendWebResponse` then closes the connection.
 */
export function nodeBodyStream(
  req: IncomingMessage,
  maxBodyBytes: number,
): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<unknown> | undefined
  let received = 0
  // Stop pulling but keep the socket: the 413 answer still has to go out on it.
  const stop = async () => {
    await chunks?.return?.()
  }
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const declared = declaredBodyLength(req.headers['content-length'])
        if (declared !== undefined && declared > maxBodyBytes) {
          controller.error(payloadTooLarge(maxBodyBytes))
          return
        }
        chunks ??= req.iterator({ destroyOnReturn: false })
        let next: IteratorResult<unknown>
        try {
          next = await chunks.next()
        } catch (error) {
          controller.error(error)
          return
        }
        if (next.done) {
          controller.close()
          return
        }
        const chunk = toBytes(next.value)
        received += chunk.byteLength
        if (received > maxBodyBytes) {
          await stop()
          controller.error(payloadTooLarge(maxBodyBytes))
          return
        }
        controller.enqueue(chunk)
      },
      cancel: stop,
    },
    // Pull only on demand: nothing is buffered ahead of the reader.
    { highWaterMark: 0 },
  )
}

function toBytes(chunk: unknown): Uint8Array {
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk)
  const bytes = chunk as Uint8Array
  // A view of the chunk as a plain Uint8Array (Node hands out Buffers).
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
