// Build step, before tsup: describes every zod schema @flowglad/shared exports and writes
// src/generated/compiled-schemas.ts, the zod-free validators. The file is checked in;
// validators.test.ts fails when it is stale. The schemas are loaded from a throwaway esbuild
// bundle of src (zod external, so they share this script's zod).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import * as z from 'zod'

const root = new URL('..', import.meta.url).pathname
// Inside the package, so the bundle's `import 'zod'` resolves to this package's zod.
const out = mkdtempSync(join(root, 'node_modules', '.validators-'))
try {
  await build({
    entryPoints: {
      describe: join(root, 'src/validators/describe-schema.ts'),
      index: join(root, 'src/index.ts'),
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    outdir: out,
    outExtension: { '.js': '.mjs' },
    external: ['zod'],
    logLevel: 'warning',
  })
  const { recordSuperRefines, compiledSchemasModule } = await import(join(out, 'describe.mjs'))
  // Must run before the schemas are built: it remembers each superRefine's function.
  recordSuperRefines(z)
  const shared = await import(join(out, 'index.mjs'))
  const text = compiledSchemasModule(shared)

  const target = join(root, 'src/generated/compiled-schemas.ts')
  let current = ''
  try {
    current = readFileSync(target, 'utf8')
  } catch {}
  if (current !== text) writeFileSync(target, text)
  console.log(`compiled schemas: ${current === text ? 'up to date' : 'regenerated'}`)
} finally {
  rmSync(out, { recursive: true, force: true })
}
