import { beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { packedTable } from './compiled-schemas.js'
import { describeExports, packDescriptors, recordSuperRefines } from './describe-schema.js'
import type { Descriptor } from './descriptor.js'

let described: Record<string, Descriptor>

beforeAll(async () => {
  recordSuperRefines(z)
  described = describeExports((await import('../index.js')) as Record<string, unknown>)
})

describe('the packed node table (the generated module form)', () => {
  it('unpacks every schema to the descriptor it was packed from', () => {
    const { nodes, schemas } = packDescriptors(described)
    const table = packedTable(() => structuredClone(nodes))
    for (const [name, node] of Object.entries(described)) {
      expect(table(schemas[name] as number), name).toEqual(node)
    }
  })

  it('calls the nodes function once, on the first lookup (not at import)', () => {
    const { nodes, schemas } = packDescriptors(described)
    let calls = 0
    const table = packedTable(() => {
      calls++
      return structuredClone(nodes)
    })
    expect(calls).toBe(0)
    const usage = schemas.createUsageEventSchema as number
    expect(table(usage)).toEqual(described.createUsageEventSchema)
    expect(table(schemas.cancelSubscriptionSchema as number)).toEqual(
      described.cancelSubscriptionSchema,
    )
    expect(calls).toBe(1)
  })

  it('folds a bare optional into a negative ref, and keeps one with its own messages', () => {
    const inner = { t: 'string' } as const
    const { nodes, schemas } = packDescriptors({
      bare: { t: 'object', shape: { a: { t: 'optional', inner } } },
      own: { t: 'optional', inner, e: 'a must be a string' },
    })
    expect(nodes).toEqual([
      { t: 'string' },
      { t: 'object', shape: { a: -1 } },
      { t: 'optional', inner: 0, e: 'a must be a string' },
    ])
    const table = packedTable(() => nodes)
    expect(table(schemas.bare as number)).toEqual({
      t: 'object',
      shape: { a: { t: 'optional', inner } },
    })
    expect(table(schemas.own as number)).toEqual({ t: 'optional', inner, e: 'a must be a string' })
  })

  it('shares a node used by several parents (one unpacked object, so one per-node cache)', () => {
    const { nodes, schemas } = packDescriptors(described)
    const table = packedTable(() => nodes)
    const usage = table(schemas.createUsageEventSchema as number) as Descriptor & { t: 'object' }
    const bulk = table(schemas.bulkCreateUsageEventsSchema as number) as Descriptor & {
      t: 'object'
    }
    const items = bulk.shape.usageEvents as Descriptor & { t: 'array' }
    expect(items.item).toBe(usage)
  })
})
