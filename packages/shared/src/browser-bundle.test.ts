import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

async function bundle(entry: string) {
  const result = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
  })
  return Object.keys(result.metafile.inputs)
}

describe('zod-free browser subpath', () => {
  it('bundles without zod', async () => {
    const inputs = await bundle('./browser.ts')
    expect(inputs.some((path) => path.includes('/zod/'))).toBe(false)
    expect(inputs.some((path) => path.endsWith('route-manifest.ts'))).toBe(true)
  })

  it('the check can fail: the full entry does pull zod in', async () => {
    const inputs = await bundle('./index.ts')
    expect(inputs.some((path) => path.includes('/zod/'))).toBe(true)
  })
})
