import { describe, expect, it } from 'vitest'
import { DAY, KEY, newCustomer, setup, txn } from '../../test/helpers.js'
import type { Emulator } from '../emulator.js'
import { TABLE_NAMES } from './snapshot.js'

async function textOf(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text()
}

/** Bytes and lines of a stream, read chunk by chunk without keeping it. */
async function measure(stream: ReadableStream<Uint8Array>) {
  let bytes = 0
  let lines = 0
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines++
  }
  return { bytes, lines }
}

/** `text` cut into `size`-byte chunks, so lines and UTF-8 characters straddle chunk edges. */
async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size)
}

async function populated(): Promise<Emulator> {
  const { api, emulator } = setup()
  const { subscriptionId } = await newCustomer(api, 'snap_é')
  await api.post('/usage-events', {
    usageEvent: {
      subscriptionId,
      amount: 5,
      transactionId: txn(),
      usageMeterSlug: 'active_users',
      properties: { user: 'ünï\ncode', nested: { list: [1, 'two'] } },
    },
  })
  emulator.clock.advance(40 * DAY)
  return emulator
}

describe('streamed snapshot', () => {
  it('is the exportState() document, one row per line, and any JSON parser reads it', async () => {
    const emulator = await populated()
    const text = await textOf(emulator.exportStateStream())
    expect(JSON.parse(text)).toEqual(emulator.exportState())
    const lines = text.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^\{"version":1,"now":\d+,.*,"tables":\{$/)
    expect(lines).toContain('"usageEvents":[')
    expect(lines.at(-1)).toBe(']}}')
    expect(lines).toHaveLength(1 + 2 * TABLE_NAMES.length + countRows(emulator))
  })

  it('reads back incrementally (any chunking) and round-trips byte for byte', async () => {
    const emulator = await populated()
    const text = await textOf(emulator.exportStateStream())
    const billing = await setupBilling(emulator)
    for (const size of [5, 4096]) {
      emulator.reset()
      await emulator.importStateStream(chunked(text, size))
      expect(await textOf(emulator.exportStateStream())).toBe(text)
      expect(await setupBilling(emulator)).toEqual(billing)
    }
  })

  it('still reads a compact snapshot written by an older emulator (parsed whole)', async () => {
    const emulator = await populated()
    const snapshot = emulator.exportState()
    emulator.reset()
    await emulator.importStateStream(chunked(JSON.stringify(snapshot), 100))
    expect(emulator.exportState()).toEqual(snapshot)
  })

  it('shows the state as of the call, whatever is written while it is read', async () => {
    const emulator = await populated()
    const before = emulator.exportState()
    const stream = emulator.exportStateStream()
    await emulator.fetch(
      new Request('http://emulator.local/api/v1/customers', {
        method: 'POST',
        headers: { authorization: KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ customer: { externalId: 'later', email: 'l@x.com', name: 'L' } }),
      }),
    )
    emulator.clock.advance(40 * DAY) // changes subscriptions and periods in place
    expect(JSON.parse(await textOf(stream))).toEqual(before)
  })

  it('a broken snapshot is a 400 naming the line, and the state is left as it was', async () => {
    const emulator = await populated()
    const before = emulator.exportState()
    const text = await textOf(emulator.exportStateStream())
    const lines = text.split('\n')
    const rowLine = lines.indexOf('"customers":[') + 1
    const broken = [...lines]
    broken[rowLine] = '{"id": oops'
    const cases = [
      broken.join('\n'),
      lines
        .slice(0, -3)
        .join('\n'), // cut short
      text.replace('"customers":[', '"customers":['.replace('[', '{')),
      `${text}trailing`,
    ]
    for (const bad of cases) {
      await expect(emulator.importStateStream(chunked(bad, 64))).rejects.toMatchObject({
        status: 400,
        message: expect.stringMatching(/^Invalid snapshot \(line \d+\)/),
      })
    }
    const noId = text.replace(/\{"id":"cust_[^"]+",/, '{')
    await expect(emulator.importStateStream(chunked(noId, 64))).rejects.toMatchObject({
      status: 400,
      body: [expect.objectContaining({ path: ['tables', 'customers', 0, 'id'] })],
    })
    expect(emulator.exportState()).toEqual(before)
  })

  it('GET and PUT /_emulator/state stream it over the control routes', async () => {
    const emulator = await populated()
    const get = await emulator.fetch(
      new Request('http://emulator.local/_emulator/state', { headers: { authorization: KEY } }),
    )
    expect(get.headers.get('content-type')).toContain('application/json')
    const text = await get.text()
    emulator.reset()
    const put = await emulator.fetch(
      new Request('http://emulator.local/_emulator/state', {
        method: 'PUT',
        headers: { authorization: KEY },
        body: new Response(text).body,
        duplex: 'half',
      } as RequestInit),
    )
    expect(put.status).toBe(200)
    expect(await textOf(emulator.exportStateStream())).toBe(text)
  })

  it('exports a state whose JSON is longer than the longest string (streamed, never joined)', async () => {
    const { api, emulator } = setup()
    const { subscriptionId } = await newCustomer(api, 'huge')
    await api.post('/usage-events', {
      usageEvent: { subscriptionId, amount: 1, transactionId: 't0', usageMeterSlug: 'ai_tokens' },
    })
    // Rows share one 48 KiB string, so the state is small while its JSON is ~540 MB, past
    // V8's string limit (2^29 − 24 characters): one JSON.stringify of it would throw.
    const filler = 'x'.repeat(48 << 10)
    const template = [...emulator.state.tables.usageEvents.values()][0] as object
    for (let index = 0; index < 11_000; index++) {
      const id = `usage_event_filler${index}`
      emulator.state.tables.usageEvents.set(id, {
        ...template,
        id,
        transactionId: id,
        filler,
      } as never)
    }
    const response = await emulator.fetch(
      new Request('http://emulator.local/_emulator/state', { headers: { authorization: KEY } }),
    )
    expect(response.status).toBe(200)
    const { bytes, lines } = await measure(response.body as ReadableStream<Uint8Array>)
    expect(bytes).toBeGreaterThan(2 ** 29)
    expect(lines).toBe(1 + 2 * TABLE_NAMES.length + countRows(emulator))
  }, 60_000)
})

function countRows(emulator: Emulator): number {
  let rows = 0
  for (const table of Object.values(emulator.state.tables)) rows += table.size
  return rows
}

async function setupBilling(emulator: Emulator) {
  const res = await emulator.fetch(
    new Request('http://emulator.local/api/v1/customers/snap_%C3%A9/billing', {
      headers: { authorization: KEY },
    }),
  )
  return res.json()
}
