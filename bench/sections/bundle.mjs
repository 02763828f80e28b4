// esbuild an entry given as source text (resolved from bench/) and report its size.
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const benchDir = new URL('..', import.meta.url).pathname

/** Bundles `contents` minified and returns `{ raw, gzip }` in bytes (gzip default level). */
export async function bundleSize(contents, options) {
  const result = await build({
    stdin: { contents, resolveDir: benchDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    ...options,
  })
  const bytes = result.outputFiles[0].contents
  return { raw: bytes.byteLength, gzip: gzipSync(bytes).byteLength }
}
