import { builtinModules } from 'node:module'
import { type BuildOptions, build, type Metafile } from 'esbuild'

const builtins = new Set(builtinModules)

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtins.has(specifier.split('/')[0] ?? '')
}

async function neutralBundleMetafile(entry: string, options: BuildOptions): Promise<Metafile> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
    ...options,
  })
  if (!result.metafile) throw new Error('esbuild returned no metafile')
  return result.metafile
}

/** Every file and bare import the bundle of `entry` reaches (npm packages left external). */
export async function filesReachedFrom(entry: string): Promise<string[]> {
  const metafile = await neutralBundleMetafile(entry, { packages: 'external' })
  const reached = new Set<string>()
  for (const [file, input] of Object.entries(metafile.inputs)) {
    reached.add(file)
    for (const imported of input.imports) reached.add(imported.path)
  }
  return [...reached]
}

/**
 * Bundles `entry` for a neutral (edge) platform, npm dependencies and workspace packages included
 * (a dependency that needs a builtin breaks an edge deploy just the same), and returns every Node
 * builtin or `node:` import found, with the file that imports it.
 */
export async function nodeImportsOf(entry: string): Promise<string[]> {
  const metafile = await neutralBundleMetafile(entry, {
    mainFields: ['module', 'main'],
    conditions: ['import', 'module', 'default'],
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
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) {
      if (isBuiltin(imported.path)) {
        found.push(`${file} → ${imported.path}`)
      }
    }
  }
  return found
}

/** The zod files the bundle of `entry` reaches (workspace packages and npm dependencies included). */
export async function zodFilesOf(entry: string): Promise<string[]> {
  const metafile = await neutralBundleMetafile(entry, {
    mainFields: ['module', 'main'],
    conditions: ['import', 'module', 'default'],
    external: ['node:*', ...builtins],
  })
  return Object.keys(metafile.inputs).filter((file) => /(^|\/)zod\//.test(file))
}
