import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { setup } from '../../test/helpers.js'
import { pricingFixtureNames, readPricingFixture } from '../../test/pricing-fixtures.js'
import type { State } from '../store/state.js'

type Json = unknown
type Path = (string | number)[]

/** Every path to a value inside `value` (objects and arrays), root excluded. */
function paths(value: Json, at: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = [...at, Array.isArray(value) ? Number(key) : key]
      out.push(path)
      paths(child, path, out)
    }
  }
  return out
}

/** A copy of `value` with the value at `path` replaced (`undefined` deletes it). */
function mutate(value: Json, path: Path, replacement: Json): Json {
  const copy = structuredClone(value) as Record<string | number, unknown>
  let parent = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1)
    else delete parent[last]
  } else parent[last] = replacement
  return copy
}

const rowCount = (state: State) =>
  Object.values(state.tables).reduce((sum, table) => sum + table.size, 0)

const replacement = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -3, max: 3 }),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(
    'usage',
    'subscription',
    'single_payment',
    'resource',
    'toggle',
    'free',
    'tokens',
  ),
  fc.constant([]),
  fc.constant({}),
)

describe('setup with near-valid pricing files', () => {
  it('answers 200 or 400, never half-loads, and what it loads exports and loads again', async () => {
    const { api, emulator } = setup()
    const files = pricingFixtureNames().map(readPricingFixture)
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: files.length - 1 }),
        fc.nat(),
        replacement,
        fc.nat(),
        fc.boolean(),
        async (fileIndex, pathIndex, value, otherIndex, reuse) => {
          const file = files[fileIndex]
          const all = paths(file)
          const target = all[pathIndex % all.length] as Path
          // Half the time, the value of another field of the same name (another slug, another
          // meter's slug...): repeated and dangling references, not only schema errors.
          const sameName = all.filter((p) => p[p.length - 1] === target[target.length - 1])
          const other = sameName[otherIndex % sameName.length] as Path
          const found = other.reduce<Json>((v, key) => (v as Record<string, Json>)[key], file)
          const body = mutate(file, target, reuse ? found : value)
          const before = rowCount(emulator.state)
          const res = await api.post('/pricing-models/setup', body)
          expect([200, 400], `${JSON.stringify(body)} → ${res.text}`).toContain(res.status)
          if (res.status === 400) {
            expect(rowCount(emulator.state)).toBe(before)
            return
          }
          const exported = await api.get(`/pricing-models/${res.body.pricingModel.id}/export`)
          expect(exported.status).toBe(200)
          const again = await api.post('/pricing-models/setup', exported.body.pricingModel)
          expect(again.status, again.text).toBe(200)
        },
      ),
      { numRuns: 150 },
    )
  }, 60_000)
})
