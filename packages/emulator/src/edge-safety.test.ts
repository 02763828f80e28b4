import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))

/** Every module reachable from `file` through static imports, with what it imports. */
function importGraph(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen
  const source = readFileSync(file, 'utf8')
  const specifiers = [...source.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map(
    (m) => m[1] ?? '',
  )
  seen.set(file, specifiers)
  for (const spec of specifiers) {
    if (spec.startsWith('.'))
      importGraph(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), seen)
  }
  return seen
}

describe('edge safety', () => {
  it('nothing reachable from the main entry imports node: modules', () => {
    const graph = importGraph(resolve(here, 'index.ts'))
    expect(graph.size).toBeGreaterThan(10)
    const offenders = [...graph].filter(([, specs]) => specs.some((s) => s.startsWith('node:')))
    expect(offenders.map(([file]) => file)).toEqual([])
  })

  it('the check sees node imports where they are allowed', () => {
    const graph = importGraph(resolve(here, 'node.ts'))
    expect(graph.get(resolve(here, 'node.ts'))).toContain('node:http')
  })
})
