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
