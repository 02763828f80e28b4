import { minify } from 'terser'
import type { Options } from 'tsup'

type TsupPlugin = NonNullable<Options['plugins']>[number]

/**
 * The exported local names (ESM `export { a as b }`, CJS `__export(x, { b: () => a })`) and the
 * variables esbuild bound classes to (`var X = class`).
 */
function namesToKeep(code: string): string[] {
  const names = new Set<string>()
  for (const [, clause = ''] of code.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const item of clause.split(',')) {
      const local = item.trim().split(/\s+as\s+/)[0]
      if (local) names.add(local)
    }
  }
  for (const [, clause = ''] of code.matchAll(/^__export\(\w+, \{([^}]*)\}\);$/gm)) {
    for (const [, local] of clause.matchAll(/:\s*\(\)\s*=>\s*([\w$]+)/g)) {
      if (local) names.add(local)
    }
  }
  for (const [, name] of code.matchAll(/^(?:var|let|const) ([\w$]+) = class\b/gm)) {
    if (name) names.add(name)
  }
  return [...names]
}

const directive = /^\s*(["'])use [a-z]+\1/
const bundlerDirectives = /^\s*(?:webpackIgnore|turbopackIgnore|@vite-ignore)\b/

/**
 * Minifies each file the bundled server build writes, ESM and CommonJS. A cold load's compile
 * time follows the file's size: @flowglad/server's ESM entry went from 148 KB to 84 KB and from
 * about 9 ms to 7 ms above an empty module (server README, "Cold start"). esbuild's minifier
 * drops every `/* @__PURE__ *\/` (by design), and apps' bundlers need them to leave unused
 * validators out, so terser does it, keeping:
 * - the annotations, and bundlers' ignore comments in `import()` (webpackIgnore, ...);
 * - function and class names, and every name the file exports, so stack traces and
 *   `constructor.name` read as in the source (a class bound as `var X = class` takes its name
 *   from the variable);
 * - what apps' bundlers tree-shake best: inlining and variable reduction grew a bundled app.
 * A terser error fails the build (tsup's own `minify: 'terser'` would ship the file unminified).
 */
export function minifyForColdStart(): TsupPlugin {
  return {
    name: 'minify-for-cold-start',
    async renderChunk(code, chunk) {
      const esm = this.format === 'esm'
      if (!chunk.path.endsWith(esm ? '.js' : '.cjs')) return undefined
      const inputMap =
        chunk.map == null || typeof chunk.map === 'string' ? chunk.map : JSON.stringify(chunk.map)
      const result = await minify(code, {
        // A CommonJS file's top level is its own scope too (Node wraps it in a function).
        module: esm,
        toplevel: true,
        ecma: 2022,
        keep_fnames: true,
        keep_classnames: true,
        compress: { inline: false, reduce_vars: false, reduce_funcs: false },
        mangle: { reserved: namesToKeep(code) },
        // Bundler directives inside `import()` too: without them an app's webpack would try to
        // resolve the optional MCP adapter's specifier (see nextjs load-mcp-adapter.ts).
        format: { preserve_annotations: true, comments: bundlerDirectives },
        // Composed with esbuild's map here: the result points into the sources, not at dist.
        sourceMap: inputMap == null ? false : { content: inputMap, asObject: true },
      })
      const out = result.code ?? ''
      if (directive.test(code) && !directive.test(out)) {
        throw new Error(`${chunk.path}: minifying lost its directive`)
      }
      return { code: out, map: result.map as object | undefined }
    },
  }
}
