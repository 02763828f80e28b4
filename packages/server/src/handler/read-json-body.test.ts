import { describe, expect, it, vi } from 'vitest'
import { createFakeFlowglad } from '../../test/handler/fake-flowglad.js'
import { appOrigin, jsonPost, readEnvelope } from '../../test/handler/requests.js'
import { MiB, multibyteJson, paddedEmptyJson } from '../../test/handler/upload.js'
import { createFlowgladHandler } from './create-flowglad-handler.js'
import { defaultMaxBodyBytes, readBodyText } from './read-json-body.js'
import { requestHandler } from './request-handler.js'

function setup(options: { maxBodyBytes?: number; user?: string | null } = {}) {
  const flowglad = vi.fn((id: string) => createFakeFlowglad(id))
  const handler = createFlowgladHandler({
    getCustomerExternalId: () => (options.user === undefined ? 'user_a' : options.user),
    flowglad,
    maxBodyBytes: options.maxBodyBytes,
  })
  return { handler, flowglad }
}

/** A chunked body made on demand (64 KiB of JSON whitespace per pull), counting what was pulled. */
function generatedBody(totalBytes: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20)
  const counter = { pulled: 0, cancelled: false }
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= totalBytes) {
          controller.close()
          return
        }
        counter.pulled += chunk.byteLength
        controller.enqueue(chunk.slice())
      },
      cancel() {
        counter.cancelled = true
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, counter }
}

function streamingPost(stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request(`${appOrigin}/api/flowglad/customers/billing`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appOrigin, ...headers },
    body: stream,
    duplex: 'half',
  } as RequestInit)
}

describe('request body limit (Web path)', () => {
  it('defaults to 1 MiB, in bytes', () => {
    expect(defaultMaxBodyBytes).toBe(1_048_576)
  })

  it('stops reading a chunked 50 MB upload at the limit and answers 413 payload_too_large', async () => {
    const { handler, flowglad } = setup()
    const { stream, counter } = generatedBody(50 * MiB)
    const response = await handler(streamingPost(stream))
    expect(response.status).toBe(413)
    const envelope = await readEnvelope(response)
    expect(envelope.error).toMatchObject({
      code: 'payload_too_large',
      json: { message: 'Request body is larger than 1048576 bytes (maxBodyBytes)' },
    })
    expect(counter.pulled).toBeLessThanOrEqual(MiB + 64 * 1024)
    expect(counter.cancelled).toBe(true)
    expect(flowglad).not.toHaveBeenCalled()
  })

  it('refuses a declared Content-Length over the limit without reading a byte', async () => {
    const { handler } = setup()
    const { stream, counter } = generatedBody(50 * MiB)
    const response = await handler(streamingPost(stream, { 'content-length': String(50 * MiB) }))
    expect(response.status).toBe(413)
    expect(counter.pulled).toBe(0)
  })

  it('answers an anonymous upload 401 without reading its body', async () => {
    const { handler } = setup({ user: null })
    const { stream, counter } = generatedBody(50 * MiB)
    const response = await handler(streamingPost(stream))
    expect(response.status).toBe(401)
    expect(counter.pulled).toBe(0)
  })

  it('counts UTF-8 bytes: 1,048,577 bytes in fewer characters is 413', async () => {
    const { handler } = setup()
    const body = multibyteJson(MiB + 1)
    expect(new TextEncoder().encode(body).byteLength).toBe(MiB + 1)
    expect(body.length).toBeLessThan(MiB)
    const response = await handler(jsonPost('customers/billing', body))
    expect(response.status).toBe(413)
  })

  it('accepts a body of exactly the limit', async () => {
    const { handler } = setup()
    const response = await handler(jsonPost('customers/billing', paddedEmptyJson(MiB)))
    expect(response.status).toBe(200)
  })

  it('honours maxBodyBytes, and Infinity lifts the limit', async () => {
    const small = setup({ maxBodyBytes: 10 })
    expect((await small.handler(jsonPost('customers/billing', paddedEmptyJson(10)))).status).toBe(
      200,
    )
    expect((await small.handler(jsonPost('customers/billing', paddedEmptyJson(11)))).status).toBe(
      413,
    )
    const unbounded = setup({ maxBodyBytes: Number.POSITIVE_INFINITY })
    const response = await unbounded.handler(
      jsonPost('customers/billing', paddedEmptyJson(2 * MiB)),
    )
    expect(response.status).toBe(200)
  })

  it.each([
    0,
    -1,
    1.5,
    Number.NaN,
    '1000',
  ])('refuses maxBodyBytes %s when the handler is built', (value) => {
    expect(() =>
      createFlowgladHandler({
        getCustomerExternalId: () => 'user_a',
        flowglad: (id) => createFakeFlowglad(id),
        maxBodyBytes: value as number,
      }),
    ).toThrow(expect.objectContaining({ code: 'validation_error' }))
  })

  it('a body stream that fails midway is 400 validation_error, not a 500', async () => {
    const { handler } = setup()
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'))
        controller.error(new Error('connection reset'))
      },
    })
    const response = await handler(streamingPost(stream))
    expect(response.status).toBe(400)
    expect((await readEnvelope(response)).error?.code).toBe('validation_error')
  })

  it('requestHandler (the upstream signature) takes maxBodyBytes too', async () => {
    const handle = requestHandler({
      getCustomerExternalId: () => 'user_a',
      flowglad: (id) => createFakeFlowglad(id),
      maxBodyBytes: 50,
    })
    const answer = await handle({
      path: ['customers', 'billing'],
      method: 'POST',
      body: { padding: 'x'.repeat(100) },
    })
    expect(answer).toMatchObject({ status: 413, error: { code: 'payload_too_large' } })
  })
})

describe('readBodyText (raw bodies, e.g. a webhook signature check)', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    new Request('http://app.test/hook', { method: 'POST', body, headers })

  it('returns the text unparsed and byte-exact, multibyte characters included', async () => {
    const body = ' {"name":"Zoë ✓"}\n'
    await expect(readBodyText(post(body))).resolves.toBe(body)
    await expect(readBodyText(new Request('http://app.test/hook'))).resolves.toBe('')
  })

  it('refuses past the limit (413), declared or streamed, and refuses a bad limit (400)', async () => {
    const body = 'x'.repeat(101)
    const declared = post(body, { 'content-length': '101' })
    await expect(readBodyText(declared, 100)).rejects.toMatchObject({ code: 'payload_too_large' })
    await expect(readBodyText(post(body), 100)).rejects.toMatchObject({
      code: 'payload_too_large',
      status: 413,
    })
    await expect(readBodyText(post(body), 101)).resolves.toBe(body)
    await expect(readBodyText(post(body), -1)).rejects.toMatchObject({ code: 'validation_error' })
  })
})
