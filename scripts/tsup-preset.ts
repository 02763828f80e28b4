import { existsSync, readFileSync } from 'node:fs'
import type { Options } from 'tsup'

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

/** `./dist/a/b.js` in the exports map → `src/a/b.ts`: every published entry, nothing else. */
function exportedEntries(extra: string[]): string[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    exports: Record<string, { import?: { default?: string } } | string>
  }
  const entries = Object.values(pkg.exports)
    .map((target) => (typeof target === 'string' ? undefined : target.import?.default))
    .filter((path): path is string => path?.startsWith('./dist/') === true)
    .map((path) => sourceOf(path.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '')))
  return [...new Set([...entries, ...extra])]
}

/**
 * For server-side packages where cold start matters: the ESM half is bundled, one file per
 * published entry plus shared chunks (splitting keeps one instance of every module across
 * entries), so `import()` reads a handful of files instead of a hundred. Dependencies stay
 * external except `inline` (small ones whose many files would cost more to resolve than to
 * parse). The CJS half keeps one file per module, as packageBuild does.
 * `extraEntries`: modules that get an output file of their own (see the server's config).
 */
export function bundledServerBuild(
  extraEntries: string[] = [],
  inline: (string | RegExp)[] = [],
): Options[] {
  return [
    packageBuild({
      entry: exportedEntries(extraEntries),
      format: ['esm'],
      bundle: true,
      splitting: true,
      noExternal: inline,
      clean: false,
    }),
    packageBuild({ format: ['cjs'], clean: false }),
  ]
}
