// Where the FlowgladServer + createFlowgladHandler bundle's bytes go: bundles the same entry as
// section 2, but from the packages' sources (no build needed), and lists each source module's
// minified bytes. `node bundle-breakdown.mjs [--all]`.
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const packages = new URL('../packages/', import.meta.url).pathname
const result = await build({
  stdin: {
    contents: `export { FlowgladServer, createFlowgladHandler } from '${packages}server/src/index.ts'`,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  write: false,
  metafile: true,
  logLevel: 'silent',
  alias: { '@flowglad/shared/core': `${packages}shared/src/core.ts` },
  define: { 'process.env.NODE_ENV': '"production"' },
})
const bytes = result.outputFiles[0].contents
console.log(`bundle: ${bytes.byteLength} B minified, ${gzipSync(bytes).byteLength} B gzip`)
const [output] = Object.values(result.metafile.outputs)
const modules = Object.entries(output.inputs)
  .map(([path, { bytesInOutput }]) => [path.replace(/^.*packages\//, ''), bytesInOutput])
  .filter(([, size]) => size > 0)
  .sort((a, b) => b[1] - a[1])
for (const [path, size] of process.argv.includes('--all') ? modules : modules.slice(0, 40)) {
  console.log(`${String(size).padStart(7)}  ${path}`)
}
