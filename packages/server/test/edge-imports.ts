import { builtinModules } from 'node:module'
import { build } from 'esbuild'

const builtins = new Set(builtinModules)

/**
 * Bundles `entry` for a neutral (edge) platform, keeping npm packages external but bundling
 * workspace packages (`@flowglad/*`), and returns every Node builtin or `node:` import left in
 * the bundle, with the file that imports it.
 */
export async function nodeImportsOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['import', 'module', 'default'],
    logLevel: 'silent',
    plugins: [
      {
        name: 'external-npm-packages',
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path.startsWith('@flowglad/')) return undefined
            return { path: args.path, external: true }
          })
        },
      },
    ],
  })
  const found: string[] = []
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const imported of input.imports) {
      const bare = imported.path.replace(/^node:/, '').split('/')[0] ?? ''
      if (imported.path.startsWith('node:') || builtins.has(bare)) {
        found.push(`${file} → ${imported.path}`)
      }
    }
  }
  return found
}
