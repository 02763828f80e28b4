import { newRequestId } from './ids.js'

/** The ways a request can be made to fail (header `X-Emulator-Fault` or at random). */
export const FAULT_MODES = ['500', '503', '429', 'timeout', 'reset', 'malformed-json'] as const
export type FaultMode = (typeof FAULT_MODES)[number]

/** Random faults leave `timeout` out by default: it hangs clients that set no timeout. */
export const DEFAULT_RANDOM_FAULT_MODES: readonly FaultMode[] = [
  '500',
  '503',
  '429',
  'reset',
  'malformed-json',
]

export function isFaultMode(value: string): value is FaultMode {
  return (FAULT_MODES as readonly string[]).includes(value)
}

/**
 * What the in-process handler rejects with for `reset` (the Node server destroys the socket
 * instead). Shaped like undici's network failure so SDK retry logic treats it the same.
 */
export class EmulatorConnectionReset extends TypeError {
  readonly code = 'ECONNRESET'
  constructor() {
    super('fetch failed: connection reset by the emulator (injected fault)')
    this.name = 'EmulatorConnectionReset'
  }
}

/** mulberry32: a tiny seeded PRNG, so a fault sequence is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export interface RandomFaultOptions {
  rate: number
  seed: number
  modes?: readonly FaultMode[]
}

/** Draws, per API request, whether it fails and how. */
export function randomFaults(options: RandomFaultOptions): () => FaultMode | undefined {
  const { rate } = options
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`faultRate must be within 0..1, got ${rate}`)
  const modes = options.modes ?? DEFAULT_RANDOM_FAULT_MODES
  if (modes.length === 0) throw new RangeError('faultModes must not be empty')
  const random = seededRandom(options.seed)
  return () => {
    if (rate === 0 || random() >= rate) return undefined
    return modes[Math.floor(random() * modes.length)]
  }
}

/** `{ error, code, request_id }` with its `X-Request-Id`, as the app sends errors. */
export function jsonError(status: number, code: string, message: string, extra: HeadersInit = {}) {
  const requestId = newRequestId()
  return new Response(JSON.stringify({ error: message, code, request_id: requestId }), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...extra },
  })
}

/**
 * Requests held by a `timeout` fault. A `Request` built with a caller's signal follows it only
 * while the `Request` itself is alive (undici links them weakly), so a hung request is kept
 * here until it is aborted: otherwise garbage collection could make it hang forever.
 */
const hungRequests = new Set<Request>()

/** A response that never comes: settles only when the request is aborted. */
function hang(request: Request): Promise<Response> {
  const { signal } = request
  return new Promise((_, reject) => {
    const abort = () => {
      hungRequests.delete(request)
      reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'))
    }
    if (signal.aborted) return abort()
    hungRequests.add(request)
    signal.addEventListener('abort', abort, { once: true })
  })
}

/** The failed outcome of a faulted request. The request itself is never processed. */
export function faultOutcome(mode: FaultMode, request: Request): Promise<Response> {
  switch (mode) {
    case '500':
      return Promise.resolve(jsonError(500, 'INTERNAL_SERVER_ERROR', 'Injected fault: 500'))
    case '503':
      return Promise.resolve(jsonError(503, 'SERVICE_UNAVAILABLE', 'Injected fault: 503'))
    case '429':
      return Promise.resolve(
        jsonError(429, 'TOO_MANY_REQUESTS', 'Injected fault: rate limited', { 'retry-after': '1' }),
      )
    case 'timeout':
      return hang(request)
    case 'reset':
      return Promise.reject(new EmulatorConnectionReset())
    case 'malformed-json':
      return Promise.resolve(
        new Response('{"data":{"id":"truncated', {
          status: 200,
          headers: { 'content-type': 'application/json', 'x-request-id': newRequestId() },
        }),
      )
  }
}
