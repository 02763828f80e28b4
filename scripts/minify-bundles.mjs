// After tsup, in packages whose ESM entries are bundled for cold start (server, nextjs): minifies
// each published ESM entry in place. A cold import's compile time follows the file's bytes and
// tokens: @flowglad/server's 149 KB entry took about 9.5 ms above an empty module, minified
// (77 KB) about 7.5 ms (bench README, "Cold start"). esbuild's own minifier would drop every
// /* @__PURE__ */ (by design), and apps' bundlers need them to leave unused validators out, so
// terser does it, keeping:
// - the annotations;
// - function and class names, and every name the file exports, so stack traces and
//   `constructor.name` read as in the source (esbuild binds classes as `var X = class`, whose
//   name comes from the variable);
// - what apps' bundlers tree-shake best: inlining and variable reduction grew a bundled app.
// The CommonJS half (one file per module) is left as tsup wrote it.
import { readFileSync, writeFileSync } from 'node:fs'
import { minify } from 'terser'

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const entries = Object.values(pkg.exports)
  .map((target) => (typeof target === 'string' ? undefined : target.import?.default))
  .filter((path) => path?.startsWith('./dist/') && path.endsWith('.js'))

/** The file's exported local names and the variables esbuild bound classes to. */
function namesToKeep(code) {
  const names = new Set()
  for (const [, clause] of code.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const item of clause.split(',')) {
      const local = item.trim().split(/\s+as\s+/)[0]
      if (local) names.add(local)
    }
  }
  for (const [, name] of code.matchAll(/^(?:var|let|const) ([\w$]+) = class\b/gm)) names.add(name)
  return [...names]
}

const directive = /^\s*(["'])use [a-z]+\1/

for (const entry of new Set(entries)) {
  const code = readFileSync(entry, 'utf8')
  const result = await minify(code, {
    module: true,
    ecma: 2022,
    keep_fnames: true,
    keep_classnames: true,
    compress: { inline: false, reduce_vars: false, reduce_funcs: false },
    mangle: { reserved: namesToKeep(code) },
    format: { preserve_annotations: true, comments: false },
  })
  const out = result.code ?? ''
  if (directive.test(code) && !directive.test(out)) throw new Error(`${entry}: lost its directive`)
  writeFileSync(entry, out)
  console.log(`minified ${entry}: ${code.length} -> ${out.length} bytes`)
}
