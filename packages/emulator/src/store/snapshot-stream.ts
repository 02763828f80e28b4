import { badRequest } from '../errors.js'
import {
  importSnapshot,
  isTableName,
  SNAPSHOT_VERSION,
  StateLoader,
  TABLE_NAMES,
  type TableName,
} from './snapshot.js'
import type { State } from './state.js'

/*
 * The streamed snapshot is the same JSON document as `exportSnapshot` returns, laid out one
 * row per line so that it can be written and read back a line at a time:
 *
 *   {"version":1,"now":…,"organizationId":…,"livemode":…,"defaultPricingModelId":…,"tables":{
 *   "pricingModels":[
 *   {…row…},
 *   {…row…}
 *   ],
 *   …
 *   "paymentMethods":[
 *   ]}}
 *
 * Any JSON parser reads it whole; `readSnapshot` reads it line by line and falls back to one
 * `JSON.parse` for other layouts (e.g. a compact file written by an older emulator).
 */

const TABLES_OPEN = ',"tables":{'
const TABLE_OPEN = /^"([A-Za-z]+)":\[$/
const LAST_CLOSE = ']}}'

/**
 * Rows of these tables are never changed once inserted, so a stream can serialise them lazily
 * and still show the state as it was when the stream started. Rows of the other tables change
 * in place (statuses, balances), so they are serialised when the stream starts.
 */
const APPEND_ONLY = new Set<TableName>([
  'usageEvents',
  'ledgerEntries',
  'invoiceLineItems',
  'invoices',
])

/** The snapshot's lines (each ending in `\n`), as of the moment this is called. */
export function snapshotLines(state: State, now: number): Iterator<string> {
  const envelope = JSON.stringify({
    version: SNAPSHOT_VERSION,
    now,
    organizationId: state.organizationId,
    livemode: state.livemode,
    defaultPricingModelId: state.defaultPricingModelId,
  })
  const tables = TABLE_NAMES.map((name) => {
    const rows: unknown[] = [...state.tables[name].values()]
    return { name, rows: APPEND_ONLY.has(name) ? rows : rows.map((row) => JSON.stringify(row)) }
  })
  return (function* lines() {
    yield `${envelope.slice(0, -1)}${TABLES_OPEN}\n`
    for (let t = 0; t < tables.length; t++) {
      const { name, rows } = tables[t] as (typeof tables)[number]
      yield `"${name}":[\n`
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]
        const text = typeof row === 'string' ? row : JSON.stringify(row)
        yield r < rows.length - 1 ? `${text},\n` : `${text}\n`
      }
      yield t < tables.length - 1 ? '],\n' : `${LAST_CLOSE}\n`
    }
  })()
}

/** Characters per chunk: enough to make chunks cheap, small enough to stream. */
const CHUNK_CHARS = 1 << 16
/** Room for a chunk plus one ordinary row, at up to 3 UTF-8 bytes per UTF-16 unit. */
const SCRATCH_BYTES = 3 * 2 * CHUNK_CHARS

/**
 * UTF-8 bytes of a chunk, through one reused buffer: `TextEncoder.encode` allocates a fresh
 * buffer per call, several times slower for streams of many chunks. Oversized chunks (a very
 * large row) take the allocating path.
 */
function chunkEncoder(): (text: string) => Uint8Array {
  const encoder = new TextEncoder()
  const scratch = new Uint8Array(SCRATCH_BYTES)
  return (text) => {
    if (text.length * 3 > SCRATCH_BYTES) return encoder.encode(text)
    const { written } = encoder.encodeInto(text, scratch)
    return scratch.slice(0, written)
  }
}

/**
 * The snapshot as a byte stream (UTF-8 JSON, one row per line), produced as it is read: memory
 * stays flat whatever the number of rows. It shows the state as of this call.
 */
export function snapshotStream(state: State, now: number): ReadableStream<Uint8Array> {
  const lines = snapshotLines(state, now)
  const encode = chunkEncoder()
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = ''
      while (chunk.length < CHUNK_CHARS) {
        const next = lines.next()
        if (next.done) {
          if (chunk !== '') controller.enqueue(encode(chunk))
          controller.close()
          return
        }
        chunk += next.value
      }
      controller.enqueue(encode(chunk))
    },
  })
}

/** What `readSnapshot` reads: a Web stream, a Node stream or any async iterable of chunks. */
export type SnapshotSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>

/** Bytes decoded at a time: a whole request body can arrive as one chunk of any size. */
const DECODE_BYTES = 1 << 20

async function* textOf(source: SnapshotSource): AsyncGenerator<string> {
  const decoder = new TextDecoder()
  // `stream: true` keeps a UTF-8 sequence cut at a slice edge for the next slice.
  function* decoded(bytes: Uint8Array) {
    for (let at = 0; at < bytes.length; at += DECODE_BYTES) {
      yield decoder.decode(bytes.subarray(at, at + DECODE_BYTES), { stream: true })
    }
  }
  if ('getReader' in source) {
    const reader = source.getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        yield* decoded(value)
      }
    } finally {
      reader.releaseLock()
    }
  } else {
    for await (const chunk of source) {
      if (typeof chunk === 'string') yield chunk
      else yield* decoded(chunk)
    }
  }
  const rest = decoder.decode()
  if (rest !== '') yield rest
}

/** Reads the line layout after its first line; every line is one step. */
class LineReader {
  private table: TableName | null | undefined = undefined
  private rowIndex = 0
  private lineNumber = 1
  private ended = false

  constructor(private readonly loader: StateLoader) {}

  private fail(why: string) {
    return badRequest(`Invalid snapshot (line ${this.lineNumber}): ${why}`)
  }

  line(raw: string): void {
    this.lineNumber++
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (this.ended) {
      if (line.trim() === '') return
      throw this.fail(`unexpected text after the closing ${LAST_CLOSE}`)
    }
    if (this.table === undefined) {
      const open = TABLE_OPEN.exec(line)
      if (!open) throw this.fail('expected a table, like "usageEvents":[')
      const name = open[1] as string
      // Unknown tables are skipped, as the object form ignores unknown keys.
      this.table = isTableName(name) ? name : null
      this.rowIndex = 0
      return
    }
    if (line === ']' || line === '],' || line === LAST_CLOSE) {
      this.table = undefined
      this.ended = line === LAST_CLOSE
      return
    }
    let row: unknown
    try {
      row = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line)
    } catch {
      throw this.fail('a row that is not JSON')
    }
    if (this.table !== null) this.loader.add(this.table, row, this.rowIndex)
    this.rowIndex++
  }

  finish() {
    if (!this.ended) throw this.fail(`the snapshot ends before its closing ${LAST_CLOSE}`)
    return this.loader.finish()
  }
}

/**
 * Builds a state from a snapshot read incrementally (the streamed layout, a line at a time) or,
 * for any other layout of the same JSON document, parsed whole. 400 with a reason if invalid.
 */
export async function readSnapshot(source: SnapshotSource): Promise<{ state: State; now: number }> {
  let pending = ''
  let reader: LineReader | undefined
  const whole: string[] = []
  for await (const text of textOf(source)) {
    if (whole.length > 0) {
      whole.push(text)
      continue
    }
    pending += text
    if (!reader) {
      const end = pending.indexOf('\n')
      if (end === -1) continue
      const first = pending.slice(0, end)
      if (!first.endsWith(TABLES_OPEN)) {
        whole.push(pending)
        continue
      }
      let envelope: unknown
      try {
        envelope = JSON.parse(`${first.slice(0, -TABLES_OPEN.length)}}`)
      } catch {
        throw badRequest('Invalid snapshot (line 1): not JSON')
      }
      reader = new LineReader(new StateLoader(envelope))
      pending = pending.slice(end + 1)
    }
    let start = 0
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      reader.line(pending.slice(start, end))
      start = end + 1
    }
    pending = pending.slice(start)
  }
  if (reader) {
    if (pending.trim() !== '') reader.line(pending)
    return reader.finish()
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(whole.length > 0 ? whole.join('') : pending)
  } catch {
    throw badRequest('Invalid JSON in snapshot')
  }
  return importSnapshot(parsed)
}
