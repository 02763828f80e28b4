// Where the FlowgladServer + createFlowgladHandler bundle's bytes go: bundles the same entry as
// section 2, but from the packages' sources (no build needed), and lists each source module's
// minified bytes, or with --gzip what each module adds to the gzip size (the bundle gzipped
// without that module's code, subtracted from the whole: shared text compresses once, so this
// is what removing the module would save). `node bundle-breakdown.mjs [--gzip] [--all]`.
import { gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'

const packages = new URL('../packages/', import.meta.url).pathname
const shortName = (path) => path.replace(/^.*packages\//, '')

function bundle(minify) {
  return build({
    stdin: {
      contents: `export { FlowgladServer, createFlowgladHandler } from '${packages}server/src/index.ts'`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    minify,
    format: 'esm',
    platform: 'node',
    write: false,
    metafile: true,
    logLevel: 'silent',
    alias: { '@flowglad/shared/core': `${packages}shared/src/core.ts` },
    define: { 'process.env.NODE_ENV': '"production"' },
  })
}

async function minifiedBytes() {
  const result = await bundle(true)
  const [output] = Object.values(result.metafile.outputs)
  return Object.entries(output.inputs).map(([path, { bytesInOutput }]) => [
    shortName(path),
    bytesInOutput,
  ])
}

/** Unminified, esbuild heads each module's code with a `// path` line: cut there. */
async function gzipShares() {
  // The export list goes too: without it, cutting the module that declares an export still
  // parses (transform does not tree-shake, so nothing else is dropped).
  const text = (await bundle(false)).outputFiles[0].text.replace(/^export \{[^}]*\};\s*$/m, '')
  const sections = text.split(/^(?=\/\/ \S+\.[cm]?[jt]s$)/m)
  const gzipOf = async (code) =>
    gzipSync((await transform(code, { minify: true, format: 'esm' })).code).byteLength
  const whole = await gzipOf(text)
  const shares = []
  for (const [index, section] of sections.entries()) {
    if (!section.startsWith('// ')) continue
    const without = sections.filter((_, other) => other !== index).join('')
    shares.push([
      shortName(section.slice(3, section.indexOf('\n'))),
      whole - (await gzipOf(without)),
    ])
  }
  return shares
}

const minified = await bundle(true)
const bytes = minified.outputFiles[0].contents
console.log(`bundle: ${bytes.byteLength} B minified, ${gzipSync(bytes).byteLength} B gzip`)
const rows = process.argv.includes('--gzip') ? await gzipShares() : await minifiedBytes()
console.log(process.argv.includes('--gzip') ? 'gzip bytes each module adds:' : 'minified bytes:')
const sorted = rows.filter(([, size]) => size > 0).sort((a, b) => b[1] - a[1])
for (const [path, size] of process.argv.includes('--all') ? sorted : sorted.slice(0, 40)) {
  console.log(`${String(size).padStart(7)}  ${path}`)
}
