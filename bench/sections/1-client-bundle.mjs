// 1. Client bundle: what `FlowgladProvider` + `useBilling` add to a browser app (react external).
import { bundleSize } from './bundle.mjs'

const entry = (pkg) => `export { FlowgladProvider, useBilling } from '${pkg}'`
const browser = {
  platform: 'browser',
  external: ['react', 'react-dom', 'react/*', 'react-dom/*'],
}

export const title =
  'Client bundle (FlowgladProvider + useBilling, esbuild, minified, react external)'

export async function run() {
  // Deterministic: one build each; the median of one is the value.
  const ours = await bundleSize(entry('@flowglad/react'), browser)
  const upstream = await bundleSize(entry('upstream-react'), browser)
  return {
    rows: [
      {
        metric: 'client bundle, raw',
        unit: 'bytes',
        better: 'lower',
        ours: ours.raw,
        upstream: upstream.raw,
      },
      {
        metric: 'client bundle, gzip',
        unit: 'bytes',
        better: 'lower',
        ours: ours.gzip,
        upstream: upstream.gzip,
      },
    ],
  }
}
