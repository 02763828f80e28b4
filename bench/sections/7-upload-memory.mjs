// 7. Memory on a 50 MB upload: how much the server process grows while a client uploads 50 MiB
// to each adapter (Web handler, node-http, Express, Next Pages) under the default 1 MiB
// `maxBodyBytes`. Three uploads per path: anonymous with Content-Length (401 unread), signed in
// chunked (413 at the limit), signed in with Content-Length (413 before reading). Each path runs
// in a fresh child process (`--expose-gc`); the client is a raw socket that reuses one buffer, so
// the growth measured is the server's.
import { execFileSync } from 'node:child_process'
import { createServer } from 'node:http'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'
import { median } from '../stats.mjs'

export const title = 'Peak memory growth on a 50 MB upload (ours only; limit 1 MiB)'

const CHUNK = 64 * 1024
const ACTION = '/api/flowglad/customers/billing'

const paths = {
  web: 'Web handler (App Router)',
  'node-http': 'node-http',
  express: 'Express',
  pages: 'Pages, bodyParser: false',
  'pages-body-parser': "Pages, Next's body parser",
}
const cases = [
  { id: 'anonymous', label: 'anonymous, Content-Length', signedIn: false, declared: true },
  { id: 'chunked', label: 'signed in, chunked', signedIn: true, declared: false },
  { id: 'declared', label: 'signed in, Content-Length', signedIn: true, declared: true },
]
// Next's own parser reads first and answers its own 413 at its 1 MB default.
const expectedStatus = (path, upload) =>
  path === 'pages-body-parser' || upload.signedIn ? 413 : 401

function handlerOptions() {
  return {
    getCustomerExternalId: (source) => {
      const user = typeof source.headers.get === 'function' ? source.headers.get('x-user') : null
      return user ?? source.headers['x-user'] ?? null
    },
    flowglad: () => {
      throw new Error('no upload in this bench may reach the API')
    },
  }
}

/** Starts one path; returns `(upload, bytes) => status`. */
async function startPath(path) {
  if (path === 'web') {
    const { createFlowgladHandler } = await import('@flowglad/server')
    const handler = createFlowgladHandler(handlerOptions())
    return async (upload, bytes) => (await handler(webUpload(upload, bytes))).status
  }
  const listener = await nodeListener(path)
  const server = createServer(listener)
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return (upload, bytes) => socketUpload(port, upload, bytes)
}

async function nodeListener(path) {
  if (path === 'node-http') {
    const { createFlowgladHandler } = await import('@flowglad/server')
    const { sendWebResponse, toWebRequest } = await import('@flowglad/server/node-http')
    const handler = createFlowgladHandler(handlerOptions())
    return async (req, res) =>
      sendWebResponse(res, await handler(await toWebRequest(req), { source: req }))
  }
  if (path === 'express') {
    const { default: express } = await import('express')
    const { expressRouter } = await import('@flowglad/server/express')
    const app = express()
    app.use('/api/flowglad', expressRouter(handlerOptions()))
    return app
  }
  const { pagesRouteHandler } = await import('@flowglad/nextjs/server')
  const { apiResolver } = await import('next/dist/server/api-utils/node/api-resolver.js')
  const config = path === 'pages' ? { api: { bodyParser: false } } : {}
  const module = { default: pagesRouteHandler(handlerOptions()), config }
  const context = { previewModeId: 'id', previewModeEncryptionKey: 'k', previewModeSigningKey: 's' }
  const query = { path: ['customers', 'billing'] }
  return (req, res) => void apiResolver(req, res, query, module, context, false)
}

/** The Web path: a Request whose body is made on demand, as a streaming platform hands it over. */
function webUpload(upload, bytes) {
  const chunk = new Uint8Array(CHUNK).fill(0x20)
  let made = 0
  const body = new ReadableStream(
    {
      pull(controller) {
        if (made >= bytes) return controller.close()
        const size = Math.min(CHUNK, bytes - made)
        made += size
        controller.enqueue(chunk.subarray(0, size))
      },
    },
    { highWaterMark: 0 },
  )
  const headers = { 'content-type': 'application/json' }
  if (upload.signedIn) headers['x-user'] = 'bench_user'
  if (upload.declared) headers['content-length'] = String(bytes)
  return new Request(`http://app.local${ACTION}`, { method: 'POST', headers, body, duplex: 'half' })
}

/** A raw HTTP/1.1 upload that stops writing once the answer starts; resolves with its status. */
function socketUpload(port, upload, bytes) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunk = Buffer.alloc(CHUNK, 0x20)
    let answer = ''
    let sent = 0
    const head = [
      `POST ${ACTION} HTTP/1.1`,
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      'Connection: close',
      upload.signedIn ? 'X-User: bench_user' : undefined,
      upload.declared ? `Content-Length: ${bytes}` : 'Transfer-Encoding: chunked',
    ].filter((line) => line !== undefined)
    const writeMore = () => {
      while (answer === '' && sent < bytes) {
        const piece = chunk.subarray(0, Math.min(CHUNK, bytes - sent))
        sent += piece.length
        if (!upload.declared) socket.write(`${piece.length.toString(16)}\r\n`)
        let roomLeft = socket.write(piece)
        if (!upload.declared) roomLeft = socket.write('\r\n')
        if (!roomLeft) return void socket.once('drain', writeMore)
      }
      if (answer === '' && !upload.declared) socket.write('0\r\n\r\n')
    }
    const finish = () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1])
      if (Number.isNaN(status)) reject(new Error(`no HTTP answer (sent ${sent} bytes)`))
      else resolve(status)
    }
    socket.on('data', (data) => {
      answer += data.toString('latin1')
    })
    // Writing into a socket the server closed after answering is the expected ending.
    socket.on('error', () => undefined)
    socket.on('close', finish)
    socket.write(`${head.join('\r\n')}\r\n\r\n`)
    writeMore()
  })
}

function memory() {
  const { heapUsed, external, rss } = process.memoryUsage()
  return { heap: heapUsed + external, rss }
}

/** Samples memory every millisecond while `work` runs; peak growth over the value before. */
async function peakGrowth(work) {
  globalThis.gc()
  globalThis.gc()
  const before = memory()
  const peak = { ...before }
  const sample = () => {
    const now = memory()
    peak.heap = Math.max(peak.heap, now.heap)
    peak.rss = Math.max(peak.rss, now.rss)
  }
  const timer = setInterval(sample, 1)
  const value = await work()
  sample()
  clearInterval(timer)
  return { value, heap: peak.heap - before.heap, rss: peak.rss - before.rss }
}

/** The child's job: every upload case on one path, one JSON line on stdout. */
async function measure(path, bytes) {
  const send = await startPath(path)
  // A small warm-up upload, so lazy imports and first-request setup are not counted.
  await send(cases[1], 4 * CHUNK)
  const results = {}
  for (const upload of cases) {
    const { value: status, heap, rss } = await peakGrowth(() => send(upload, bytes))
    if (status !== expectedStatus(path, upload)) {
      throw new Error(
        `${path} ${upload.id}: status ${status}, expected ${expectedStatus(path, upload)}`,
      )
    }
    results[upload.id] = { status, heap, rss }
  }
  return results
}

function inChild(path, bytes) {
  const file = fileURLToPath(import.meta.url)
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', file, '--child', path, String(bytes)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  )
  return JSON.parse(out.trim().split('\n').at(-1))
}

export async function run({ uploadBytes = 50 * 1024 * 1024, uploadRuns = 3 }) {
  const rows = []
  const samples = {}
  const curveRows = []
  for (const [path, pathLabel] of Object.entries(paths)) {
    samples[path] = []
    for (let index = 0; index < uploadRuns; index++) samples[path].push(inChild(path, uploadBytes))
    for (const upload of cases) {
      const pick = (field) => median(samples[path].map((sample) => sample[upload.id][field]))
      const metric = `peak growth, ${uploadBytes / 1024 / 1024} MiB upload, ${pathLabel}, ${upload.label}`
      const row = (what, value) => ({
        metric: `${metric} (${what})`,
        unit: 'bytes',
        better: 'lower',
        ours: value,
        upstream: null,
        runs: uploadRuns,
      })
      rows.push(row('heap + external', pick('heap')), row('RSS', pick('rss')))
      curveRows.push([
        { value: pathLabel, unit: 'text' },
        { value: upload.label, unit: 'text' },
        { value: expectedStatus(path, upload), unit: 'count' },
        { value: pick('heap'), unit: 'bytes' },
        { value: pick('rss'), unit: 'bytes' },
      ])
    }
  }
  const columns = ['path', 'upload', 'answer', 'peak heap + external', 'peak RSS']
  return { rows, samples, curve: { columns, rows: curveRows } }
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await measure(process.argv[3], Number(process.argv[4]))))
  process.exit(0)
}
