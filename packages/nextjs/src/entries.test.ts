import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

describe('@flowglad/nextjs entry points', () => {
  it('the main entry re-exports only client-safe packages (react client + shared types)', () => {
    const source = readFileSync(new URL('./index.ts', import.meta.url), 'utf8')
    const specifiers = [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((match) => match[1])
    expect(specifiers).toEqual(['@flowglad/react', '@flowglad/shared'])
    expect(source).toMatch(/export type \* from '@flowglad\/shared'/)
  })

  it('the main entry exposes the provider and hook', async () => {
    const client = await import('./index.js')
    expect(typeof client.FlowgladProvider).toBe('function')
    expect(typeof client.useBilling).toBe('function')
    expect(client).not.toHaveProperty('FlowgladServer')
    expect(client).not.toHaveProperty('nextRouteHandler')
  })

  it('./server re-exports the server API next to the adapters, like upstream', async () => {
    const server = await import('./server.js')
    for (const name of [
      'FlowgladServer',
      'FlowgladServerAdmin',
      'requestHandler',
      'RequestHandlerError',
      'createFlowgladHandler',
      'nextRouteHandler',
      'pagesRouteHandler',
      'verifyWebhook',
      'WebhookVerificationError',
      'webhookRouteHandler',
    ]) {
      expect(typeof (server as Record<string, unknown>)[name], name).toBe('function')
    }
  })

  it('cold start: ./server (built) is one file whose only static import is @flowglad/server', async () => {
    // Every extra file costs a cold import a resolve and a read: node-http is inlined. The file
    // is minified, so esbuild lists its imports.
    const built = fileURLToPath(new URL('../dist/server.js', import.meta.url))
    const { metafile } = await build({
      entryPoints: [built],
      bundle: true,
      packages: 'external',
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
    })
    const imports = Object.values(metafile.inputs).flatMap((input) => input.imports)
    const specifiers = new Set(
      imports.filter((entry) => entry.kind === 'import-statement').map((entry) => entry.path),
    )
    expect(Object.keys(metafile.inputs)).toHaveLength(1)
    expect([...specifiers]).toEqual(['@flowglad/server'])
  })

  it('cold start: ./server.cjs (built) is one file whose only require is @flowglad/server', () => {
    const built = readFileSync(new URL('../dist/server.cjs', import.meta.url), 'utf8')
    const required = new Set(
      [...built.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]),
    )
    expect([...required]).toEqual(['@flowglad/server'])
  })

  it('the built entries keep the bundler-ignore comments on the MCP adapter import()', () => {
    // Minified or not: without them an app's webpack would try to resolve the optional peer.
    const ignored =
      /import\(\s*\/\* webpackIgnore: true \*\/\s*\/\* turbopackIgnore: true \*\/\s*\/\* @vite-ignore \*\/\s*[\w$]+\s*\)/
    for (const file of ['server.js', 'server.cjs']) {
      const built = readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8')
      expect(built, file).toMatch(ignored)
      expect(built.match(/\bimport\(/g), file).toHaveLength(1)
    }
  })

  it('cold start: loading ./server (built) in a fresh process never loads zod', () => {
    // zod's core marks the global object when it is evaluated; nothing on this path may.
    const probe = (specifier: string) =>
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `await import('${specifier}'); console.log(typeof globalThis.__zod_globalConfig)`,
        ],
        { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8' },
      ).trim()
    expect(probe('@flowglad/nextjs/server')).toBe('undefined')
    expect(probe('@flowglad/server')).toBe('undefined')
    // The probe can fail: the full shared entry does load zod.
    expect(probe('@flowglad/shared')).toBe('object')
  })
})
