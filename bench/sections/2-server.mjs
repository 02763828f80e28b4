// 2. Server: bundle size of FlowgladServer + the request handler, and cold import time of the
// package in a fresh Node process (module loading only; Node's own start-up is not counted).
import { execFileSync } from 'node:child_process'
import { median } from '../stats.mjs'
import { bundleSize } from './bundle.mjs'

const benchDir = new URL('..', import.meta.url).pathname
const subjects = {
  ours: { pkg: '@flowglad/server', handler: 'createFlowgladHandler' },
  upstream: { pkg: 'upstream-server', handler: 'requestHandler' },
}

export const title = 'Server (FlowgladServer + request handler: bundle size, cold import)'

async function serverBundle({ pkg, handler }, external = []) {
  const entry = `export { FlowgladServer, ${handler} } from '${pkg}'`
  return bundleSize(entry, { platform: 'node', external })
}

/** One fresh `node` process importing the package; returns the import's milliseconds. */
function coldImportMs(pkg) {
  const script = `const t = performance.now(); await import('${pkg}'); console.log(performance.now() - t)`
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: benchDir,
    encoding: 'utf8',
  })
  return Number(out.trim().split('\n').at(-1))
}

export async function run({ importRuns }) {
  const ours = await serverBundle(subjects.ours)
  const upstream = await serverBundle(subjects.upstream)
  // Both ship zod (a different version each); without it, the SDK's own code is visible.
  const zodFree = ['zod', 'zod/*']
  const oursOwn = await serverBundle(subjects.ours, zodFree)
  const upstreamOwn = await serverBundle(subjects.upstream, zodFree)
  // Alternate the two so drifting machine load hits both equally.
  const samples = { ours: [], upstream: [] }
  for (let index = 0; index < importRuns; index++) {
    samples.ours.push(coldImportMs(subjects.ours.pkg))
    samples.upstream.push(coldImportMs(subjects.upstream.pkg))
  }
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
      {
        metric: 'cold import in a fresh process',
        unit: 'ms',
        better: 'lower',
        ours: median(samples.ours),
        upstream: median(samples.upstream),
        runs: importRuns,
      },
    ],
    samples,
  }
}
