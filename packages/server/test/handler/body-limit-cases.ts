import { describe, expect, it } from 'vitest'
import { type BodyProbe, MiB, multibyteJson, paddedEmptyJson, upload } from './upload.js'

/** A running adapter: its base URL (actions under `/api/flowglad/`) and its body probes. */
export interface BodyLimitServer {
  url: string
  probes: BodyProbe[]
}

/**
 * The same body-limit contract for every Node adapter (Express, node-http, Next Pages), over
 * real HTTP. `start` builds the adapter with `getCustomerExternalId` reading `x-user`.
 */
export function describeBodyLimit(
  adapter: string,
  start: (options: { maxBodyBytes?: number }) => Promise<BodyLimitServer>,
): void {
  const signedIn = { 'content-type': 'application/json', 'x-user': 'user_a' }
  const anonymous = { 'content-type': 'application/json' }
  const action = (server: BodyLimitServer) => `${server.url}/api/flowglad/customers/billing`
  // Far beyond the limit, so "not fully read" cannot be an accident of socket buffers.
  const huge = 16 * MiB

  describe(`${adapter}: maxBodyBytes while streaming`, () => {
    // Signed in: 413 at the limit; anonymous: 401 before the body is touched.
    it.each([
      ['signed in, with Content-Length', 413, signedIn, true, 'payload_too_large', 4 * MiB],
      ['signed in, chunked', 413, signedIn, false, 'payload_too_large', 4 * MiB],
      ['anonymous, with Content-Length', 401, anonymous, true, 'unauthenticated', MiB],
      ['anonymous, chunked', 401, anonymous, false, 'unauthenticated', MiB],
    ] as const)('a 16 MiB upload, %s: answered %i, the upload left unread', async (_label, status, headers, contentLength, code, mostRead) => {
      const server = await start({})
      const answer = await upload(action(server), { body: huge, contentLength, headers })
      expect(answer.status).toBe(status)
      expect(answer.body.error?.code).toBe(code)
      if (status === 413) expect(answer.body.error?.json.message).toContain('1048576 bytes')
      expect(server.probes).toEqual([{ complete: false, bytesRead: expect.any(Number) }])
      expect(server.probes[0]?.bytesRead).toBeLessThan(mostRead)
      // The rest of the upload is not drained: the server closes the connection instead.
      expect(answer.headers.connection).toBe('close')
    })

    it('counts bytes, not characters: 1,048,577 bytes of two-byte UTF-8 is 413', async () => {
      const body = multibyteJson(MiB + 1)
      expect(Buffer.byteLength(body)).toBe(MiB + 1)
      expect(body.length).toBeLessThan(MiB)
      const server = await start({})
      for (const contentLength of [true, false]) {
        const answer = await upload(action(server), { body, contentLength, headers: signedIn })
        expect(answer.status).toBe(413)
      }
    })

    it.each([
      ['with', true],
      ['without', false],
    ])('accepts a body of exactly 1 MiB (%s Content-Length)', async (_label, contentLength) => {
      const server = await start({})
      const body = paddedEmptyJson(MiB)
      const answer = await upload(action(server), { body, contentLength, headers: signedIn })
      expect(answer.status).toBe(200)
      expect(answer.body.error).toBeNull()
      expect(answer.headers.connection).toBe('keep-alive')
    })

    it('takes its own maxBodyBytes', async () => {
      const server = await start({ maxBodyBytes: 100 })
      const at = await upload(action(server), {
        body: paddedEmptyJson(100),
        contentLength: false,
        headers: signedIn,
      })
      expect(at.status).toBe(200)
      const over = await upload(action(server), {
        body: paddedEmptyJson(101),
        contentLength: false,
        headers: signedIn,
      })
      expect(over.status).toBe(413)
    })
  })
}
