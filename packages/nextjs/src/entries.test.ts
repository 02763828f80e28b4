import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
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

  it('cold start: ./server (built) is one file whose only static import is @flowglad/server', () => {
    // Every extra file costs a cold import a resolve and a read: node-http is inlined.
    const built = readFileSync(new URL('../dist/server.js', import.meta.url), 'utf8')
    const specifiers = new Set(
      [...built.matchAll(/^(?:import|export)\b[^;]*?\sfrom\s+"([^"]+)"/gms)].map((m) => m[1]),
    )
    expect([...specifiers]).toEqual(['@flowglad/server'])
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
