import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { FlowgladActionKey } from './action-keys.js'
import * as core from './core.js'
import * as full from './index.js'

describe('zod-free core subpath (what @flowglad/server loads)', () => {
  it('bundles without zod', async () => {
    const result = await build({
      entryPoints: [new URL('./core.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      metafile: true,
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.some((path) => path.includes('/zod/'))).toBe(false)
    expect(inputs.some((path) => path.endsWith('generated/compiled-schemas.ts'))).toBe(true)
  })

  it('has a compiled validator under the name of every schema the full entry exports', () => {
    const schemaNames = Object.keys(full).filter(
      (name) =>
        (full as Record<string, unknown> as Record<string, { _zod?: unknown } | undefined>)[name]
          ?._zod !== undefined,
    )
    for (const name of schemaNames) {
      const compiled = (core as Record<string, unknown>)[name] as { safeParse?: unknown }
      expect(typeof compiled?.safeParse, name).toBe('function')
    }
  })

  it('validates every action key, as the action table does', () => {
    for (const key of Object.values(FlowgladActionKey)) {
      expect(typeof core.compiledActionSchemas[key]?.safeParse, key).toBe('function')
      const input = { unknownKeyThatNoSchemaAllows: 1, externalId: 5 }
      expect(core.compiledActionSchemas[key].safeParse(input).success, key).toBe(
        full.flowgladActions[key].inputSchema.safeParse(input).success,
      )
    }
  })

  it('parse throws the catalogue validation_error with zod-shaped issues', () => {
    expect(() => core.cancelSubscriptionSchema.parse({ id: '' })).toThrow(
      expect.objectContaining({
        code: 'validation_error',
        details: [
          { code: 'too_small', path: ['id'], message: 'id must not be empty' },
          {
            code: 'invalid_type',
            path: ['cancellation'],
            message:
              "cancellation.timing must be 'at_end_of_current_billing_period' or 'immediately'",
          },
        ],
      }),
    )
  })
})
