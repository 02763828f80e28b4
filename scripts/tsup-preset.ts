import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, relative, resolve } from 'node:path'
import type { Options } from 'tsup'
import { minifyForColdStart } from './minify-for-cold-start'

type Plugin = NonNullable<Options['esbuildPlugins']>[number]

/**
 * One output file per source module (no bundling), so module-level directives such as
 * 'use client' survive and consumers tree-shake per file. ESM is `.js`, CJS is `.cjs`;
 * scripts/finish-build.mjs then points CJS requires and `.d.cts` imports at their twins.
 */
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/**/*.ts', 'src/**/*.tsx', '!src/**/*.test.ts', '!src/**/*.test.tsx'],
    format: ['esm', 'cjs'],
    bundle: false,
    outDir: 'dist',
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    dts: false,
    outExtension: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.js' }),
    ...overrides,
  }
}

/** The source of `src/a/b` (`.ts`, `.mts` or `.tsx`, whichever exists). */
function sourceOf(stem: string): string {
  return ['.ts', '.mts', '.tsx'].map((ext) => stem + ext).find(existsSync) ?? `${stem}.ts`
}

type Format = 'esm' | 'cjs'
type ExportTarget = Partial<Record<'import' | 'require', { default?: string }>>

/**
 * `./dist/a/b.js` (or `.cjs`) in the exports map → `src/a/b.ts`: every entry published in that
 * format, nothing else (an entry may have a source per format, e.g. one using top-level await).
 */
function exportedEntries(format: Format): string[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    exports: Record<string, ExportTarget | string>
  }
  const condition = format === 'esm' ? 'import' : 'require'
  const entries = Object.values(pkg.exports)
    .map((target) => (typeof target === 'string' ? undefined : target[condition]?.default))
    .filter((path): path is string => path?.startsWith('./dist/') === true)
    .map((path) => sourceOf(path.replace(/^\.\/dist\//, 'src/').replace(/\.c?js$/, '')))
  return [...new Set(entries)]
}

/** A module's names the main entry re-exports (its name → the public name), or all of them. */
type PublicNames = 'all' | Map<string, string>

/**
 * Which modules the main entry re-exports from and which of their names, following re-exporting
 * modules (`export *` and `export { a as b } from`; type-only re-exports load nothing).
 */
function publicModulesOf(file: string, wanted: PublicNames, found: Map<string, PublicNames>) {
  const reExport = /export\s+(?!type\b)(\*|\{[^}]*\})\s+from\s+'(\.[^']+)'/g
  for (const [, clause, specifier] of readFileSync(file, 'utf8').matchAll(reExport)) {
    const target = sourceOf(resolve(dirname(file), specifier as string).replace(/\.m?js$/, ''))
    let names: PublicNames = 'all'
    if (clause !== '*') {
      names = new Map()
      for (const item of (clause as string).slice(1, -1).split(',')) {
        const [inner, outer = inner] = item.trim().split(/\s+as\s+/)
        if (!inner || inner.startsWith('type ')) continue
        const publicName = wanted === 'all' ? outer : wanted.get(outer as string)
        if (publicName) names.set(inner, publicName)
      }
      if (names.size === 0) continue
    }
    const known = found.get(target)
    if (known === 'all') continue
    if (names !== 'all' && known) for (const [inner, outer] of known) names.set(inner, outer)
    found.set(target, names)
    publicModulesOf(target, names, found)
  }
  return found
}

/**
 * Subpath entries take what the main entry re-exports from the main entry itself (a package
 * self-reference), so one copy of FlowgladServer, the handler and every public class exists per
 * process, and the main entry can stay one self-contained file. A module the main entry
 * re-exports only in part becomes a proxy: its public names from the main entry, the rest
 * bundled (tree-shaken to what the subpath uses).
 */
function mainEntryAsExternal(packageName: string, mainEntry: string): Plugin {
  const publicModules = publicModulesOf(resolve(mainEntry), 'all', new Map())
  return {
    name: 'main-entry-as-external',
    setup(build) {
      const self = new RegExp(`^${packageName.replace(/[/.]/g, '\\$&')}$`)
      build.onResolve({ filter: self }, () => ({ path: packageName, external: true }))
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === 'inline') return undefined
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'inline',
        })
        const names = publicModules.get(resolved.path)
        if (resolved.errors.length > 0 || !names) return undefined
        if (names === 'all') return { path: packageName, external: true }
        // Relative paths only: source maps name the proxy by its path and carry its text.
        const proxy = relative(process.cwd(), resolved.path)
        return { path: proxy, namespace: 'main-entry-proxy', pluginData: names }
      })
      build.onLoad({ filter: /./, namespace: 'main-entry-proxy' }, (args) => {
        const names = args.pluginData as Map<string, string>
        const path = resolve(args.path)
        const fromMain = [...names].map(([inner, outer]) => `${outer} as ${inner}`).join(', ')
        return {
          // Named exports win over `export *`, so the public names come from the main entry.
          contents: `export * from ${JSON.stringify(`./${basename(path)}`)}\nexport { ${fromMain} } from ${JSON.stringify(packageName)}\n`,
          resolveDir: dirname(path),
          // Its `./module` import is the module itself, not one more proxy.
          pluginData: 'inline',
          loader: 'js',
        }
      })
    },
  }
}

/**
 * For server-side packages where cold start matters. Each format is bundled, one self-contained
 * file per published entry: every extra file costs a cold `import()` or `require()` about as
 * much as parsing 50 KB, and shared chunks would merge whole modules across entries (the
 * node-http entry would load the outbox's validators). Subpath entries import the main entry's
 * public modules from the main entry (see mainEntryAsExternal), so only small private helpers
 * repeat and one copy of each public class exists per format. Dependencies stay external except
 * `inline` (small ones whose files would cost more to resolve than to parse). The files are
 * minified (see minifyForColdStart).
 */
export function bundledServerBuild(inline: (string | RegExp)[] = []): Options[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string }
  const mainEntry = 'src/index.ts'
  const formatBuild = (format: Format): Options[] => {
    const bundled: Options = {
      format: [format],
      bundle: true,
      noExternal: inline,
      clean: false,
      // Minified, so stack traces need the maps (`node --enable-source-maps`, bundlers, Next).
      sourcemap: true,
      plugins: [minifyForColdStart()],
    }
    const subpathBuild = (entry: string): Options =>
      packageBuild({
        ...bundled,
        // Keyed by the path under src/ so the file lands where the exports map points.
        entry: { [entry.replace(/^src\//, '').replace(/\.m?tsx?$/, '')]: entry },
        esbuildPlugins: [mainEntryAsExternal(pkg.name, mainEntry)],
      })
    return [
      packageBuild({ ...bundled, entry: [mainEntry] }),
      ...exportedEntries(format)
        .filter((entry) => entry !== mainEntry)
        .map(subpathBuild),
    ]
  }
  return [...formatBuild('esm'), ...formatBuild('cjs')]
}
