import { builtinModules } from 'node:module'
import { build } from 'esbuild'

const builtins = new Set(builtinModules)

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtins.has(specifier.split('/')[0] ?? '')
}

/**
 * Bundles `entry` for a neutral (edge) platform, npm dependencies and workspace packages included
 * (a dependency that needs a builtin breaks an edge deploy just the same), and returns every Node
 * builtin or `node:` import found, with the file that imports it.
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
        // Builtins stay imports (so the metafile lists them); everything else is bundled.
        name: 'external-node-builtins',
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, (args) => {
            if (!isBuiltin(args.path)) return undefined
            return { path: args.path, external: true }
          })
        },
      },
    ],
  })
  const found: string[] = []
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const imported of input.imports) {
      if (isBuiltin(imported.path)) {
        found.push(`${file} → ${imported.path}`)
      }
    }
  }
  return found
}
