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

describe('error catalogue descriptions', () => {
  async function bundledText(exports: string) {
    const result = await build({
      stdin: {
        contents: `export { ${exports} } from './errors.ts'`,
        resolveDir: import.meta.dirname,
      },
      bundle: true,
      write: false,
      format: 'esm',
      logLevel: 'silent',
    })
    return result.outputFiles[0]?.text ?? ''
  }
  const description = 'the browser got no answer from the route handler'

  it('a bundle using only FlowgladError and isFlowgladError drops the descriptions', async () => {
    expect(await bundledText('FlowgladError, isFlowgladError')).not.toContain(description)
  })

  it('the check can fail: a bundle reading the catalogue keeps them', async () => {
    expect(await bundledText('flowgladErrorCatalogue')).toContain(description)
  })
})

describe('compiled validators in a bundle', () => {
  it('carry no schema names at run time (the name is a type argument only)', async () => {
    const result = await build({
      stdin: {
        contents: "export { compiledActionSchemas } from './generated/compiled-schemas.ts'",
        resolveDir: import.meta.dirname,
      },
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      logLevel: 'silent',
    })
    const text = result.outputFiles[0]?.text ?? ''
    expect(text).toContain('usage-events/create')
    expect(text).not.toContain('createUsageEventSchema')
  })
})
