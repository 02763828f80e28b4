import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const yamlRoot = dirname(require.resolve('yaml/package.json'))

/** Every specifier a module graph imports that is not a relative path (statements only). */
function bareImports(file: string, seen = new Set<string>(), out = new Set<string>()): Set<string> {
  if (seen.has(file)) return out
  seen.add(file)
  const source = readFileSync(file, 'utf8')
  for (const match of source.matchAll(/^(?:import|export)[^'"]*?from\s+'([^']+)'/gm)) {
    const spec = match[1] ?? ''
    if (spec.startsWith('.')) bareImports(resolve(dirname(file), spec), seen, out)
    else out.add(spec)
  }
  return out
}

// The main entry parses pricing text with `yaml`: the build that edge runtimes resolve (the
// package's `default` export condition; only `node` gets the other one) must need no Node
// module, or the main entry would stop being edge-safe.
describe('yaml on the edge', () => {
  it('the default (non-Node) build of yaml imports nothing outside itself', () => {
    const pkg = JSON.parse(readFileSync(resolve(yamlRoot, 'package.json'), 'utf8')) as {
      exports: { '.': { default: string } }
    }
    const entry = resolve(yamlRoot, pkg.exports['.'].default)
    expect(entry).toMatch(/browser/)
    expect([...bareImports(entry)]).toEqual([])
  })

  it('the walk sees bare imports where there are some', () => {
    expect([...bareImports(resolve(import.meta.dirname, 'parse-text.ts'))]).toEqual(['yaml'])
  })
})
