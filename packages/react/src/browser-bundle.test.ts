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

  it('FlowgladProvider + useBilling leave every data hook and the query store out', async () => {
    const result = await build({
      stdin: {
        contents: "export { FlowgladProvider, useBilling } from './index.ts'",
        resolveDir: new URL('.', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'esm',
      minify: true,
      external: ['react', 'react-dom'],
      metafile: true,
      logLevel: 'silent',
    })
    const [output] = Object.values(result.metafile.outputs)
    const kept = Object.entries(output?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path)
    expect(kept.some((path) => path.endsWith('use-billing.ts'))).toBe(true)
    const hooks = kept.filter((path) => /use-(?!billing)|query-store|currency/.test(path))
    expect(hooks).toEqual([])
    // The route table and the key object are not needed to build a URL either.
    expect(kept.filter((path) => /route-manifest|action-keys/.test(path))).toEqual([])
  })

  it("heads the provider, context and hook modules with 'use client'", () => {
    const hooks = ['use-action-query', 'use-pricing-model', 'use-usage-meters', 'use-subscription']
    for (const file of [
      'provider.tsx',
      'context.ts',
      'use-billing.ts',
      ...hooks.map((h) => `${h}.ts`),
    ]) {
      const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')
      expect(source.startsWith("'use client'\n"), file).toBe(true)
    }
  })
})
