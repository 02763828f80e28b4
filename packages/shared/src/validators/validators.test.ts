import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { sampleInputs } from '../../test/sample-inputs.js'
import { compiledSchemasModule, describeExports, recordSuperRefines } from './describe-schema.js'
import type { Descriptor } from './descriptor.js'
import { runDescriptor } from './run-descriptor.js'

type Exports = Record<string, unknown>
let shared: Exports
let described: Record<string, Descriptor>

beforeAll(async () => {
  // As in the build: observe superRefine before any schema module is evaluated.
  recordSuperRefines(z)
  shared = (await import('../index.js')) as Exports
  described = describeExports(shared)
})

/** What the catalogue keeps of a zod result: success and data, or each issue's code/path/message. */
function viaZod(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input)
  if (result.success) return { success: true, data: result.data }
  return {
    success: false,
    issues: result.error.issues.map(({ code, path, message }) => ({ code, path, message })),
  }
}

function viaDescriptor(node: Descriptor, input: unknown) {
  const result = runDescriptor(node, input)
  return result.success ? result : { success: false, issues: result.issues }
}

describe('compiled validators (descriptors generated from the zod schemas)', () => {
  it('the checked-in descriptors are what the build generates from the current schemas', () => {
    const checkedIn = readFileSync(
      new URL('../generated/compiled-schemas.ts', import.meta.url),
      'utf8',
    )
    expect(checkedIn, 'stale: run `pnpm --filter @flowglad/shared build`').toBe(
      compiledSchemasModule(shared),
    )
  })

  it('describes every exported schema, each action input included', () => {
    const schemaNames = Object.keys(shared).filter(
      (name) => (shared[name] as { _zod?: unknown } | null)?._zod !== undefined,
    )
    expect(Object.keys(described).sort()).toEqual(schemaNames.sort())
    expect(schemaNames.length).toBeGreaterThan(30)
  })

  it('parses exactly like zod: same data, or the same issues (code, path, message) in order', () => {
    let compared = 0
    let failures = 0
    for (const [name, node] of Object.entries(described)) {
      const schema = shared[name] as z.ZodType
      for (const input of sampleInputs(node)) {
        expect(viaDescriptor(node, input), `${name} on ${String(JSON.stringify(input))}`).toEqual(
          viaZod(schema, input),
        )
        if (!schema.safeParse(input).success) failures++
        compared++
      }
    }
    // Both outcomes are well covered, so neither half of the comparison is vacuous.
    expect(failures).toBeGreaterThan(compared / 4)
    expect(compared - failures).toBeGreaterThan(200)
  })

  it('the comparison can fail: a descriptor with one message changed differs from zod', () => {
    const node = described.cancelSubscriptionSchema as Descriptor & { t: 'object' }
    const altered = structuredClone(node)
    const id = altered.shape.id as Descriptor
    id.e = 'something else'
    const input = { id: 5, cancellation: { timing: 'immediately' } }
    const schema = shared.cancelSubscriptionSchema as z.ZodType
    expect(viaDescriptor(node, input)).toEqual(viaZod(schema, input))
    expect(viaDescriptor(altered, input)).not.toEqual(viaZod(schema, input))
  })

  it('refuses what it cannot reproduce: an ad-hoc refinement, a transform', () => {
    const adHoc = z.object({ a: z.string() }).superRefine(() => {})
    expect(() => describeExports({ adHoc })).toThrow(/refinements\.ts/)
    const transformed = z.string().transform((text) => text.length)
    expect(() => describeExports({ transformed })).toThrow(/zod type pipe/)
  })
})
