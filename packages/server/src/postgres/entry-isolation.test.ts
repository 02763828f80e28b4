import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))

/** Every file and bare import the bundle of `entry` reaches (npm packages left external). */
async function reachedFrom(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    packages: 'external',
    logLevel: 'silent',
  })
  const reached = new Set<string>()
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    reached.add(file)
    for (const imported of input.imports) reached.add(imported.path)
  }
  return [...reached]
}

describe('@flowglad/server/postgres stays out of the main entry', () => {
  it('src/index.ts reaches no outbox file and no pg', async () => {
    const reached = await reachedFrom(resolve(here, '../index.ts'))
    expect(reached.filter((path) => path.includes('src/postgres/') || path === 'pg')).toEqual([])
  }, 30_000)

  it('the check sees the outbox when it is imported (so the test above can fail)', async () => {
    const reached = await reachedFrom(resolve(here, 'index.ts'))
    expect(reached.some((path) => path.includes('src/postgres/relay.ts'))).toBe(true)
  }, 30_000)
})
