import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createUsageEventSchema } from './usage-events.js'
import {
  usagePropertiesLimits,
  usagePropertiesSchema,
  validateUsageProperties,
} from './usage-properties.js'

const event = { usageMeterSlug: 'ai_tokens', amount: 1, subscriptionId: 's', transactionId: 't' }

function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {}
  for (let level = 1; level < levels; level++) value = { a: value }
  return value
}

function firstIssue(properties: unknown) {
  const result = createUsageEventSchema.safeParse({ ...event, properties })
  expect(result.success).toBe(false)
  return result.error?.issues[0]
}

describe('usage event properties', () => {
  it('accepts plain JSON up to the documented depth and size', () => {
    const deepest = nested(usagePropertiesLimits.maxDepth)
    expect(validateUsageProperties(deepest)).toBeNull()
    expect(usagePropertiesSchema.safeParse(deepest).success).toBe(true)
    const mixed = { s: 'é😀\n"', n: -1.5e-7, b: false, z: null, list: [1, 'x', { y: [] }] }
    expect(createUsageEventSchema.safeParse({ ...event, properties: mixed }).success).toBe(true)
    const nullPrototype = Object.assign(Object.create(null), { a: 1 })
    expect(validateUsageProperties({ nullPrototype })).toBeNull()
  })

  it('leaves an undefined object value out, as JSON does', () => {
    expect(validateUsageProperties({ a: undefined, b: 1 })).toBeNull()
  })

  it('refuses one level past the depth limit, and 5,000 levels, without overflowing', () => {
    for (const levels of [usagePropertiesLimits.maxDepth + 1, 5_000, 200_000]) {
      const issue = firstIssue(nested(levels))
      expect(issue?.message).toBe(
        `properties may nest at most ${usagePropertiesLimits.maxDepth} levels deep`,
      )
      expect(issue?.path.slice(0, 2)).toEqual(['properties', 'a'])
    }
    const deepArray: unknown[] = []
    let cursor = deepArray
    for (let level = 0; level < 10_000; level++) {
      const next: unknown[] = []
      cursor.push(next)
      cursor = next
    }
    expect(validateUsageProperties({ deepArray })?.message).toMatch(/levels deep/)
  })

  it('measures size as UTF-8 JSON bytes, exactly at the limit', () => {
    // {"k":"…"} is 8 bytes of framing around the string's content.
    const fits = { k: 'x'.repeat(usagePropertiesLimits.maxBytes - 8) }
    expect(JSON.stringify(fits).length).toBe(usagePropertiesLimits.maxBytes)
    expect(validateUsageProperties(fits)).toBeNull()
    expect(validateUsageProperties({ k: `${fits.k}x` })?.message).toMatch(/at most 32768 bytes/)
    // Two-byte characters: the same number of characters, twice the bytes.
    const wide = { k: 'é'.repeat(usagePropertiesLimits.maxBytes / 2) }
    expect(validateUsageProperties(wide)?.message).toMatch(/bytes of JSON/)
    expect(validateUsageProperties({ big: 'x'.repeat(50_000_000) })?.message).toMatch(/bytes/)
  })

  it('stops early on a shared-reference graph that would explode when serialised', () => {
    let node: unknown[] = ['leaf']
    for (let level = 0; level < 30; level++) node = [node, node] // 2^30 leaves once written
    expect(validateUsageProperties({ node })?.message).toMatch(/bytes of JSON/)
  })

  it.each([
    ['a BigInt', { n: 10n }, ['n'], /not a BigInt/],
    ['a function', { f: () => 1 }, ['f'], /not a function/],
    ['a symbol', { s: Symbol('s') }, ['s'], /not a symbol/],
    ['NaN', { n: Number.NaN }, ['n'], /NaN/],
    ['Infinity', { n: [Number.POSITIVE_INFINITY] }, ['n', 0], /Infinity/],
    ['a Date', { d: new Date(0) }, ['d'], /not a Date/],
    ['a Map', { m: new Map() }, ['m'], /not a Map/],
    ['a class instance', { c: new (class Point {})() }, ['c'], /not a Point/],
    ['undefined in an array', { a: [1, undefined] }, ['a', 1], /undefined/],
    // biome-ignore lint/suspicious/noSparseArray: a hole is what is under test
    ['a hole in an array', { a: [1, , 2] }, ['a', 1], /undefined/],
    ['a symbol key', { o: { [Symbol('k')]: 1 } }, ['o'], /symbol keys/],
  ])('refuses %s with a validation issue at its path', (_name, properties, path, message) => {
    const issue = firstIssue(properties)
    expect(issue?.code).toBe('custom')
    expect(issue?.path).toEqual(['properties', ...path])
    expect(issue?.message).toMatch(message)
  })

  it('refuses circular references', () => {
    const loop: Record<string, unknown> = { a: 1 }
    loop.self = loop
    const inArray: unknown[] = []
    inArray.push({ back: inArray })
    for (const properties of [loop, { list: inArray }]) {
      expect(firstIssue(properties)?.message).toBe('properties must not be circular')
    }
  })

  it('agrees with JSON.stringify on every JSON value it accepts (property-based)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 6 })), (properties) => {
        const text = JSON.stringify(properties)
        const bytes = new TextEncoder().encode(text).length
        const problem = validateUsageProperties(properties)
        if (bytes <= usagePropertiesLimits.maxBytes) expect(problem).toBeNull()
        else expect(problem?.message).toMatch(/bytes/)
      }),
      { numRuns: 300 },
    )
  }, 60_000)

  it('counts bytes exactly as JSON.stringify writes them (property-based)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const framed = usagePropertiesLimits.maxBytes - 6 // {"":…} around the string
        const bytes = new TextEncoder().encode(JSON.stringify(text)).length
        const padding = 'x'.repeat(Math.max(0, framed - bytes))
        const properties = { '': `${padding}${text}` }
        const actual = new TextEncoder().encode(JSON.stringify(properties)).length
        const problem = validateUsageProperties(properties)
        expect(problem === null).toBe(actual <= usagePropertiesLimits.maxBytes)
      }),
      { numRuns: 150 },
    )
  }, 60_000) // a bound for a shared machine, not a speed claim
})
