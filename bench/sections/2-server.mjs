// 2. Server: bundle size of FlowgladServer + the request handler; cold import of the package
// (and of the Next.js server entry) in a fresh Node process, next to the same for an empty
// package imported by its bare name (resolved through node_modules like ours) and for an empty
// module imported by file URL; the same for `require` (CommonJS apps); and the first request
// after a cold start (import + the first usage event through the route handler), so cost moved
// from import to first use still shows.
import { execFileSync } from 'node:child_process'
import { median } from '../stats.mjs'
import { bundleSize } from './bundle.mjs'

const benchDir = new URL('..', import.meta.url).pathname
const nextjsDir = new URL('../../packages/nextjs/', import.meta.url).pathname
const subjects = {
  ours: { pkg: '@flowglad/server', handler: 'createFlowgladHandler' },
  upstream: { pkg: 'upstream-server', handler: 'requestHandler' },
}
// The Next.js server entries resolve from packages/nextjs, where upstream's is a devDependency.
// Upstream's ESM build uses extensionless imports that only bundlers resolve, so plain Node can
// load only its CommonJS build: it is `require`d, ours is `import`ed.
const nextjsEntries = {
  ours: { specifier: '@flowglad/nextjs/server', mode: 'import' },
  upstream: { specifier: 'upstream-nextjs/server', mode: 'require' },
}
const emptyModule = new URL('../empty-module.mjs', import.meta.url).href
// Linked into bench/node_modules as @flowglad/server is: the same resolver work, no code.
const emptyPackage = '@flowglad/bench-empty-package'

export const title = 'Server (FlowgladServer + request handler: bundle size, cold start)'

async function serverBundle({ pkg, handler }, external = []) {
  const entry = `export { FlowgladServer, ${handler} } from '${pkg}'`
  return bundleSize(entry, { platform: 'node', external })
}

/** One fresh `node` process loading `specifier` from `cwd`; returns the load's milliseconds. */
function coldImportMs(specifier, { cwd = benchDir, mode = 'import' } = {}) {
  const load =
    mode === 'import'
      ? `await import('${specifier}')`
      : `(await import('node:module')).createRequire(process.cwd() + '/')('${specifier}')`
  const script = `const t = performance.now(); ${load}; console.log(performance.now() - t)`
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd,
    encoding: 'utf8',
  })
  return Number(out.trim().split('\n').at(-1))
}

/** One fresh process: import + route handler + the first usage event (cold-start-child.mjs). */
function firstRequestMs(side) {
  const out = execFileSync(process.execPath, ['cold-start-child.mjs', side], {
    cwd: benchDir,
    encoding: 'utf8',
  })
  return Number(out.trim().split('\n').at(-1))
}

const sides = ['ours', 'upstream']

export async function run({ importRuns }) {
  const ours = await serverBundle(subjects.ours)
  const upstream = await serverBundle(subjects.upstream)
  // Upstream ships zod; ours no longer reaches it (validators are compiled at build time).
  const zodFree = ['zod', 'zod/*']
  const oursOwn = await serverBundle(subjects.ours, zodFree)
  const upstreamOwn = await serverBundle(subjects.upstream, zodFree)
  // Interleaved so drifting machine load hits every subject equally.
  const samples = {
    empty: [],
    emptyPackage: [],
    emptyPackageRequire: [],
    server: {},
    serverRequire: {},
    nextjs: {},
    firstRequest: {},
  }
  for (const side of sides) {
    samples.server[side] = []
    samples.serverRequire[side] = []
    samples.nextjs[side] = []
    samples.firstRequest[side] = []
  }
  for (let index = 0; index < importRuns; index++) {
    samples.empty.push(coldImportMs(emptyModule))
    samples.emptyPackage.push(coldImportMs(emptyPackage))
    samples.emptyPackageRequire.push(coldImportMs(emptyPackage, { mode: 'require' }))
    for (const side of index % 2 === 0 ? sides : [...sides].reverse()) {
      samples.server[side].push(coldImportMs(subjects[side].pkg))
      samples.serverRequire[side].push(coldImportMs(subjects[side].pkg, { mode: 'require' }))
      samples.nextjs[side].push(
        coldImportMs(nextjsEntries[side].specifier, { cwd: nextjsDir, ...nextjsEntries[side] }),
      )
      samples.firstRequest[side].push(firstRequestMs(side))
    }
  }
  const empty = median(samples.empty)
  const emptyPackageMs = median(samples.emptyPackage)
  const emptyPackageRequireMs = median(samples.emptyPackageRequire)
  const baseline = (metric, ms) => ({
    metric,
    unit: 'ms',
    better: 'lower',
    ours: ms,
    upstream: ms,
    runs: importRuns,
  })
  const pair = (metric, group, minus = 0) => ({
    metric,
    unit: 'ms',
    better: 'lower',
    ours: median(samples[group].ours) - minus,
    upstream: median(samples[group].upstream) - minus,
    runs: importRuns,
  })
  return {
    rows: [
      {
        metric: 'server bundle, raw',
        unit: 'bytes',
        better: 'lower',
        ours: ours.raw,
        upstream: upstream.raw,
      },
      {
        metric: 'server bundle, gzip',
        unit: 'bytes',
        better: 'lower',
        ours: ours.gzip,
        upstream: upstream.gzip,
      },
      {
        metric: 'server bundle without zod, gzip',
        unit: 'bytes',
        better: 'lower',
        ours: oursOwn.gzip,
        upstream: upstreamOwn.gzip,
      },
      pair('cold import in a fresh process', 'server'),
      pair('cold import above an empty package (bare specifier)', 'server', emptyPackageMs),
      pair('cold import above an empty module (file URL)', 'server', empty),
      baseline('cold import of an empty package (bare specifier, baseline)', emptyPackageMs),
      baseline('cold import of an empty module (file URL, baseline)', empty),
      pair('cold require (CommonJS) in a fresh process', 'serverRequire'),
      pair(
        'cold require (CommonJS) above an empty package (bare specifier)',
        'serverRequire',
        emptyPackageRequireMs,
      ),
      baseline(
        'cold require of an empty package (bare specifier, baseline)',
        emptyPackageRequireMs,
      ),
      pair('cold load of the Next.js server entry (upstream: require)', 'nextjs'),
      pair(
        'cold load of the Next.js server entry above an empty package (bare specifier)',
        'nextjs',
        emptyPackageMs,
      ),
      pair(
        'cold load of the Next.js server entry above an empty module (file URL)',
        'nextjs',
        empty,
      ),
      pair('first request after a cold start (import + first usage event)', 'firstRequest'),
    ],
    samples,
  }
}
