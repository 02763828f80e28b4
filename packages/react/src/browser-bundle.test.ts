import { readFileSync } from 'node:fs'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    external: ['react', 'react-dom'],
    metafile: true,
    logLevel: 'silent',
  })
  return Object.keys(result.metafile.inputs)
}

describe('what the browser bundle pulls in', () => {
  it('has no zod, no server code and only the zod-free shared subpath', async () => {
    const inputs = await bundledInputs('./index.ts')
    expect(inputs.filter((path) => path.includes('/zod/'))).toEqual([])
    expect(inputs.filter((path) => /packages\/server|@flowglad\/server/.test(path))).toEqual([])
    expect(inputs.some((path) => path.includes('shared/dist/browser.js'))).toBe(true)
    expect(inputs.some((path) => path.includes('shared/dist/index.js'))).toBe(false)
    expect(inputs.some((path) => path.includes('shared/dist/action-table.js'))).toBe(false)
  })

  it("heads the provider, context and hook modules with 'use client'", () => {
    for (const file of ['provider.tsx', 'context.ts', 'use-billing.ts']) {
      const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')
      expect(source.startsWith("'use client'\n"), file).toBe(true)
    }
  })
})
