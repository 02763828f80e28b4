// The bench runner: `node run.mjs` (full) or `node run.mjs --smoke` (tiny N, for the test
// command). Runs each section, prints one table (ours vs upstream 0.18.0), writes results.json
// (results.smoke.json in smoke mode) and ends with `N passed, N failed` (one per section).
// `--only=1,3` runs a subset.
import { readFileSync, writeFileSync } from 'node:fs'
import { arch, cpus, platform } from 'node:os'
import { performance } from 'node:perf_hooks'
import { formatComparison, markdownTable } from './format.mjs'

const benchDir = new URL('.', import.meta.url).pathname
const args = process.argv.slice(2)
const smoke = args.includes('--smoke')
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')

const configs = {
  full: {
    importRuns: 31,
    usageEventRuns: 15,
    apiDelayMs: 20,
    naiveEvents: 2_000,
    bulkEvents: 100_000,
    ingestRuns: 3,
    scalingSizes: [1e3, 1e4, 1e5, 1e6],
    scalingRuns: 3,
    throughputRequests: 2_000,
    throughputRuns: 5,
    uploadBytes: 50 * 1024 * 1024,
    uploadRuns: 3,
    outboxLatencySamples: 2_000,
    outboxEvents: 20_000,
    outboxFaultEvents: 100_000,
    outboxKillAfter: 1_000,
    snapshotEvents: 1e6,
    snapshotRuns: 1,
    clockSubscriptions: 1_000,
    clockYears: 10,
    clockRuns: 3,
  },
  smoke: {
    importRuns: 1,
    usageEventRuns: 2,
    apiDelayMs: 20,
    naiveEvents: 20,
    bulkEvents: 1_000,
    ingestRuns: 1,
    scalingSizes: [1e2, 1e3],
    scalingRuns: 1,
    throughputRequests: 50,
    throughputRuns: 1,
    uploadBytes: 2 * 1024 * 1024,
    uploadRuns: 1,
    outboxLatencySamples: 20,
    outboxEvents: 200,
    outboxFaultEvents: 300,
    outboxKillAfter: 20,
    snapshotEvents: 1e3,
    snapshotRuns: 1,
    clockSubscriptions: 20,
    clockYears: 1,
    clockRuns: 1,
  },
}
const config = smoke ? configs.smoke : configs.full

const sectionFiles = [
  ['1', './sections/1-client-bundle.mjs'],
  ['2', './sections/2-server.mjs'],
  ['3', './sections/3-usage-event.mjs'],
  ['4', './sections/4-bulk-ingest.mjs'],
  ['5', './sections/5-emulator-scaling.mjs'],
  ['6', './sections/6-handler-throughput.mjs'],
  ['7', './sections/7-upload-memory.mjs'],
  ['8', './sections/8-usage-outbox.mjs'],
  ['9', './sections/9-emulator-snapshot.mjs'],
]

function packageVersion(path) {
  return JSON.parse(readFileSync(`${benchDir}node_modules/${path}/package.json`, 'utf8')).version
}

const startedAt = new Date()
const sections = []
for (const [id, file] of sectionFiles) {
  if (only && !only.includes(id)) continue
  const start = performance.now()
  let title = file
  // Loading counts as part of the section: a subject that fails to import fails its section.
  try {
    const section = await import(file)
    title = section.title
    process.stderr.write(`section ${id}: ${title} …\n`)
    const result = await section.run(config)
    const rows = result.rows.map((row) => ({ ...row, ...formatComparison(row) }))
    sections.push({
      id,
      title,
      ok: true,
      ms: performance.now() - start,
      ...result,
      rows,
    })
  } catch (error) {
    process.stderr.write(`section ${id} failed: ${error?.stack ?? error}\n`)
    sections.push({ id, title, ok: false, error: String(error?.message ?? error) })
  }
}

const environment = {
  node: process.version,
  platform: `${platform()} ${arch()}`,
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
}
const versions = {
  ours: { server: packageVersion('@flowglad/server'), react: packageVersion('@flowglad/react') },
  upstream: { server: packageVersion('upstream-server'), react: packageVersion('upstream-react') },
}
const command = smoke ? 'pnpm --filter @flowglad/bench bench:smoke' : 'pnpm bench'
const results = {
  mode: smoke ? 'smoke' : 'full',
  command,
  startedAt: startedAt.toISOString(),
  durationMs: Date.now() - startedAt.getTime(),
  environment,
  versions,
  config,
  sections,
}
// Only a complete full run may replace the committed results.json.
const outFile = smoke ? 'results.smoke.json' : only ? 'results.partial.json' : 'results.json'
writeFileSync(`${benchDir}${outFile}`, `${JSON.stringify(results, null, 2)}\n`)

const report = markdownTable(results)
console.log(report)
if (!smoke && !only) updateReadme(report)

const passed = sections.filter((section) => section.ok).length
const failed = sections.length - passed
for (const section of sections.filter((s) => !s.ok))
  console.log(`✗ ${section.id}. ${section.title}: ${section.error}`)
console.log(`wrote bench/${outFile}`)
console.log(`${passed} passed, ${failed} failed`)
// Exit explicitly: a failed section may have left a socket or timer behind.
process.exit(failed === 0 ? 0 : 1)

/** A full run refreshes the table between the markers in bench/README.md. */
function updateReadme(table) {
  const path = `${benchDir}README.md`
  const readme = readFileSync(path, 'utf8')
  const begin = '<!-- results:begin -->'
  const end = '<!-- results:end -->'
  const from = readme.indexOf(begin)
  const to = readme.indexOf(end)
  if (from === -1 || to < from) return
  writeFileSync(path, `${readme.slice(0, from + begin.length)}\n${table}\n${readme.slice(to)}`)
}
