import { FlowgladError, isFlowgladError } from '@flowglad/shared/core'

/** Default upper bound on a request body, in bytes (1 MiB); every action's input is far smaller. */
export const defaultMaxBodyBytes = 1_048_576

/** The `maxBodyBytes` option checked once, when the handler is built: a positive integer or Infinity. */
export function resolveMaxBodyBytes(value: unknown): number {
  if (value === undefined) return defaultMaxBodyBytes
  // isSafeInteger is false for anything but a number.
  const valid = value === Infinity || (Number.isSafeInteger(value) && (value as number) > 0)
  if (!valid) {
    throw new FlowgladError(
      'validation_error',
      `maxBodyBytes must be a positive integer (or Infinity), got ${String(value)}`,
    )
  }
  return value as number
}

/** The 413 answer for a body over the limit; shared with the Node stream that enforces it too. */
export function payloadTooLarge(maxBodyBytes: number): FlowgladError {
  return new FlowgladError(
    'payload_too_large',
    `Request body is larger than ${maxBodyBytes} bytes (maxBodyBytes)`,
    { details: { maxBodyBytes } },
  )
}

/** The Content-Length the client declared, or undefined when absent or not a number. */
export function declaredBodyLength(value: string | null | undefined): number | undefined {
  return /^\s*\d+\s*$/.test(value ?? '') ? Number(value) : undefined
}

/**
 * The request body as text, at most `maxBodyBytes` (default 1 MiB): a declared Content-Length
 * over the limit is refused before reading, and a chunked body is cancelled as soon as it passes
 * it, so an oversized upload never sits in memory. Throws `payload_too_large` (413) beyond the
 * limit, `validation_error` for a bad limit or a body that cannot be read. For endpoints that
 * need the raw text, such as a webhook's signed body.
 */
export async function readBodyText(
  request: Request,
  maxBodyBytes: number = defaultMaxBodyBytes,
): Promise<string> {
  return readWithin(request, resolveMaxBodyBytes(maxBodyBytes))
}

/**
 * The request body as JSON, read as `readBodyText` reads it (`maxBodyBytes` already resolved,
 * once, when the handler was built); an empty body is `{}` (upstream clients send bodyless POSTs).
 */
export async function readJsonBody(request: Request, maxBodyBytes: number): Promise<unknown> {
  const text = await readWithin(request, maxBodyBytes)
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new FlowgladError('validation_error', 'Request body must be valid JSON')
  }
}

/** `readBodyText` with a limit already checked by `resolveMaxBodyBytes`. */
async function readWithin(request: Request, limit: number): Promise<string> {
  const declared = declaredBodyLength(request.headers.get('content-length'))
  if (declared !== undefined && declared > limit) {
    void request.body?.cancel().catch(() => undefined)
    throw payloadTooLarge(limit)
  }
  return readText(request, limit)
}

/**
 * Decoded chunk by chunk (a character split across chunks waits for its next bytes). Not
 * fatal, like `request.text()`: invalid UTF-8 becomes U+FFFD and JSON decides.
 */
async function readText(request: Request, maxBodyBytes: number): Promise<string> {
  if (request.body === null) return ''
  const decoder = new TextDecoder()
  let text = ''
  let total = 0
  try {
    const reader = request.body.getReader()
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return text + decoder.decode()
      total += value.byteLength
      if (total > maxBodyBytes) {
        void reader.cancel().catch(() => undefined)
        throw payloadTooLarge(maxBodyBytes)
      }
      text += decoder.decode(value, { stream: true })
    }
  } catch (error) {
    // Our own 413 (here or from the Node adapter's stream) stays as it is.
    if (isFlowgladError(error)) throw error
    throw new FlowgladError('validation_error', 'Request body could not be read')
  }
}
